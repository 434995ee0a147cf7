/**
 * A runs folder: one folder per run holding `run.json` and TensorBoard event files, next to which
 * folders of Keras's own TensorBoard logs (`train/`, `validation/`) are listed as runs too. Listing
 * reads each run.json once (no event file), so a thousand runs list in well under a second.
 */
import {WorkbenchError} from '../../common/errors';
import * as fs from 'fs';
import * as path from 'path';
import {isInsideByRealPath, realPathOf} from '../../common/confine';
import {
  EpochRecord, HParams, RUN_FILE, RunFileError, RunRecord, RunSummary, isValidRunId, readRunFile, readRunSummary, summarize, SUMMARY_FILE,
} from './record';
import {isEventFile, readEventFile, scalarOf, sessionEndOf, sessionStartOf, textOf, toNumber, type ReadEventsOptions} from './event-file';

export const DEFAULT_RUNS_FOLDER = 'runs';
/** Sub-runs as Keras's TensorBoard callback names them. */
export const TRAIN_SUBRUN = 'train';
export const VALIDATION_SUBRUN = 'validation';
/** How deep below the runs folder listing looks for runs (runs/<group>/<run>/train). */
const MAX_DEPTH = 3;

export class RunsError extends WorkbenchError {
  constructor(file: string, problem: string) {
    super('runs', file, problem);
    this.name = 'RunsError';
  }
}

/**
 * Refuses a runs folder inside the workspace that leads out of it through a symlink (a folder
 * typed outside the workspace, as `--logdir /tmp/runs`, is the user's own choice).
 */
export function checkRunsFolder(runsFolder: string, workspaceRoot: string): void {
  const absolute = path.resolve(workspaceRoot, runsFolder);
  const rel = path.relative(path.resolve(workspaceRoot), absolute);
  const lexicallyInside = rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  if (lexicallyInside && !isInsideByRealPath(workspaceRoot, absolute)) {
    throw new RunsError(runsFolder, `is a symlink leading out of the workspace (to ${realPathOf(absolute)}); refused`);
  }
}

interface Entry {
  folder: string;
  kind: RunRecord['kind'];
}

function subFolders(folder: string): fs.Dirent[] {
  try {
    return fs.readdirSync(folder, {withFileTypes: true});
  } catch {
    return [];
  }
}

function holdsEventFiles(folder: string): boolean {
  return subFolders(folder).some((d) => d.isFile() && isEventFile(d.name));
}

/** A folder of Keras TensorBoard logs: event files in `train/` or `validation/`, or in the folder itself. */
export function isKerasLogFolder(folder: string): boolean {
  if (fs.existsSync(path.join(folder, RUN_FILE))) return false;
  return [TRAIN_SUBRUN, VALIDATION_SUBRUN].some((sub) => holdsEventFiles(path.join(folder, sub))) || holdsEventFiles(folder);
}

function findRuns(runsFolder: string): Entry[] {
  const out: Entry[] = [];
  const walk = (folder: string, depth: number) => {
    for (const d of subFolders(folder)) {
      if (!d.isDirectory() || d.name.startsWith('.')) continue;
      const child = path.join(folder, d.name);
      if (fs.existsSync(path.join(child, RUN_FILE))) out.push({folder: child, kind: 'local'});
      else if (isKerasLogFolder(child)) out.push({folder: child, kind: 'keras-logs'});
      else if (depth < MAX_DEPTH) walk(child, depth + 1);
    }
  };
  walk(runsFolder, 1);
  return out;
}

/** A run's id: its folder's path relative to the runs folder, with `/`. */
function idOf(runsFolder: string, folder: string): string {
  return path.relative(runsFolder, folder).split(path.sep).join('/');
}

/**
 * Every run under `runsFolder` (and in `extraFolders`: Keras log folders elsewhere, e.g.
 * `models/mnist-cnn.logs`), newest first, with one warning per run that cannot be read.
 */
export async function listRuns(runsFolder: string, options: {extraFolders?: string[]} = {}): Promise<{runs: RunSummary[]; warnings: string[]}> {
  const root = path.resolve(runsFolder);
  const entries = fs.existsSync(root) ? findRuns(root) : [];
  for (const extra of options.extraFolders ?? []) {
    const folder = path.resolve(extra);
    if (!entries.some((e) => e.folder === folder) && isKerasLogFolder(folder)) entries.push({folder, kind: 'keras-logs'});
  }
  const runs: RunSummary[] = [];
  const warnings: string[] = [];
  for (const entry of entries) {
    try {
      if (entry.kind === 'local') {
        const summary = readRunSummary(entry.folder);
        runs.push({...summary, id: idOf(root, entry.folder)});
      } else {
        const record = readKerasLogs(entry.folder, idOf(root, entry.folder));
        for (const w of record.warnings ?? []) warnings.push(w);
        runs.push(summarize(record));
      }
    } catch (e) {
      warnings.push(e instanceof RunFileError || e instanceof RunsError ? e.message : `${entry.folder}: cannot be read (${(e as Error).message})`);
    }
  }
  runs.sort((a, b) => b.startTime.localeCompare(a.startTime) || a.id.localeCompare(b.id));
  return {runs, warnings};
}

/** The folder of run `id` under the runs folder; one RunsError when there is none. */
export function runFolder(runsFolder: string, id: string): string {
  const root = path.resolve(runsFolder);
  const folder = path.resolve(root, id);
  const rel = path.relative(root, folder);
  const localId = isValidRunId(id);
  if (!id || (!localId && (rel.split(path.sep).some((p) => p.startsWith('.') && p !== '..') || path.isAbsolute(id)))) {
    throw new RunsError(id || "''", 'is not a run id');
  }
  if (!fs.existsSync(path.join(folder, RUN_FILE)) && !isKerasLogFolder(folder)) {
    throw new RunsError(id, `no such run in ${runsFolder} (keras-workbench runs lists them)`);
  }
  return folder;
}

/** The whole record of run `id`: its run.json, or what Keras's TensorBoard logs of that folder hold. */
export async function readRun(runsFolder: string, id: string): Promise<RunRecord> {
  return readRunRecord(runsFolder, id);
}

/** readRun, synchronously. */
export function readRunRecord(runsFolder: string, id: string): RunRecord {
  const folder = runFolder(runsFolder, id);
  if (fs.existsSync(path.join(folder, RUN_FILE))) {
    const record = readRunFile(folder);
    record.id = id;
    return record;
  }
  return readKerasLogs(folder, id);
}

export interface ScalarPoint {
  step: number;
  wallTime: number;
  value: number;
}

export interface RunScalars {
  /** `train/epoch_loss`, `validation/epoch_accuracy`, … (sub-run/tag). */
  series: Record<string, ScalarPoint[]>;
  texts: Record<string, string>;
  hparams?: HParams;
  sessionEnd?: {status: string; endSeconds: number};
  warnings: string[];
}

function eventFilesOf(folder: string): string[] {
  return subFolders(folder).filter((d) => d.isFile() && isEventFile(d.name)).map((d) => path.join(folder, d.name)).sort();
}

/**
 * The scalars, texts and HParams records of a run folder's event files (the folder itself,
 * `train/` and `validation/`), read in bounded memory; damage ends a file with one warning.
 */
export function readScalars(folder: string, options: ReadEventsOptions = {}): RunScalars {
  const result: RunScalars = {series: {}, texts: {}, warnings: []};
  for (const sub of ['', TRAIN_SUBRUN, VALIDATION_SUBRUN]) {
    for (const file of eventFilesOf(path.join(folder, sub))) {
      const read = readEventFile(file, (event) => {
        for (const value of event.summary?.value ?? []) {
          const tag = value.tag ?? '';
          const start = sessionStartOf(value);
          if (start) {
            result.hparams = {...result.hparams, ...start.hparams};
            continue;
          }
          const end = sessionEndOf(value);
          if (end) {
            result.sessionEnd = end;
            continue;
          }
          const text = textOf(value);
          if (text !== undefined) {
            result.texts[sub ? `${sub}/${tag}` : tag] = text;
            continue;
          }
          const plugin = value.metadata?.pluginData?.pluginName;
          if (plugin && plugin !== 'scalars') continue;
          const number = scalarOf(value);
          if (number === undefined) continue;
          (result.series[sub ? `${sub}/${tag}` : tag] ??= []).push({step: toNumber(event.step), wallTime: event.wallTime, value: number});
        }
      }, options);
      if (read.warning) result.warnings.push(read.warning);
    }
  }
  return result;
}

/** Keras's epoch logs from its TensorBoard scalars: `train/epoch_X` is X, `validation/epoch_X` is val_X; step 0 is epoch 1. */
export function epochsFromScalars(series: RunScalars['series']): EpochRecord[] {
  const byEpoch = new Map<number, EpochRecord>();
  for (const [name, points] of Object.entries(series)) {
    const m = /^(train|validation)\/epoch_(.+)$/.exec(name);
    if (!m) continue;
    const key = m[1] === VALIDATION_SUBRUN ? `val_${m[2]}` : m[2];
    for (const p of points) {
      const epoch = p.step + 1;
      const record = byEpoch.get(epoch) ?? {epoch, logs: {}, wallTime: p.wallTime, seconds: 0};
      record.logs[key] = p.value;
      record.wallTime = Math.max(record.wallTime, p.wallTime);
      byEpoch.set(epoch, record);
    }
  }
  const epochs = [...byEpoch.values()].sort((a, b) => a.epoch - b.epoch);
  epochs.forEach((e, i) => (e.seconds = i ? e.wallTime - epochs[i - 1].wallTime : 0));
  return epochs;
}

function readKerasLogs(folder: string, id: string): RunRecord {
  const scalars = readScalars(folder);
  const epochs = epochsFromScalars(scalars.series);
  const times = Object.values(scalars.series).flat().map((p) => p.wallTime);
  const first = times.length ? Math.min(...times) : fs.statSync(folder).mtimeMs / 1000;
  const last = times.length ? Math.max(...times) : first;
  const iso = (s: number) => new Date(s * 1000).toISOString();
  return {
    version: 1, id, kind: 'keras-logs', folder, hparams: scalars.hparams ?? {},
    startTime: iso(first), updateTime: iso(last), endTime: iso(scalars.sessionEnd?.endSeconds || last),
    status: scalars.sessionEnd?.status === 'failure' ? 'failed' : 'finished',
    epochs, batchLosses: [], warnings: scalars.warnings.length ? scalars.warnings : undefined,
  };
}

/**
 * Removes run records (the run's folder: run.json and its event files), never models: a folder
 * that is not a run record of this tool is refused.
 */
export function removeRun(runsFolder: string, id: string): string {
  const folder = runFolder(runsFolder, id);
  if (!fs.existsSync(path.join(folder, RUN_FILE))) {
    throw new RunsError(id, 'is a folder of Keras TensorBoard logs, not a run record of this tool; remove it yourself if you mean to');
  }
  const lstat = fs.lstatSync(folder);
  if (lstat.isSymbolicLink()) throw new RunsError(id, 'is a symbolic link; only run folders written by this tool are removed');
  const allowed = new Set([RUN_FILE, SUMMARY_FILE, TRAIN_SUBRUN, VALIDATION_SUBRUN]);
  for (const d of fs.readdirSync(folder, {withFileTypes: true})) {
    if (allowed.has(d.name) || isEventFile(d.name) || /^\.(run|summary)\.json\..*\.tmp$/.test(d.name)) continue;
    throw new RunsError(path.join(folder, d.name), 'is not part of a run record; the run folder was left as it is');
  }
  fs.rmSync(folder, {recursive: true, force: true});
  return folder;
}

/**
 * Folders of Keras TensorBoard logs in a workspace outside its runs folder: `<save>.logs/` beside
 * a model (where an exported training script writes them), up to two levels down.
 */
export function findKerasLogFolders(workspaceRoot: string, runsFolder: string): string[] {
  const runs = path.resolve(runsFolder);
  const out: string[] = [];
  const walk = (folder: string, depth: number) => {
    for (const d of subFolders(folder)) {
      if (!d.isDirectory() || d.name.startsWith('.') || d.name === 'node_modules') continue;
      const child = path.join(folder, d.name);
      if (child === runs) continue;
      if (d.name.endsWith('.logs') && isKerasLogFolder(child)) out.push(child);
      else if (depth < 2) walk(child, depth + 1);
    }
  };
  walk(path.resolve(workspaceRoot), 1);
  return out.sort();
}

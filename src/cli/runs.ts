/**
 * `keras-workbench runs`: the training runs recorded in a runs folder (and Keras's own TensorBoard
 * logs in the workspace): list, show, compare, remove.
 */
import * as path from 'path';
import * as readline from 'readline';
import {
  DEFAULT_RUNS_FOLDER, checkRunsFolder, findKerasLogFolders, listRuns, readRun, removeRun, runFolder, bestEpoch,
  summarize, RunsError, type RunRecord, type RunSummary, type HParams,
} from '../formats/runs';
import {unifiedDiff} from '../common/unified-diff';
import {UsageError} from './args';


function fixed(v: number | undefined, digits = 4): string {
  return v === undefined || Number.isNaN(v) ? '-' : Number.isInteger(v) ? String(v) : v.toFixed(digits);
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '-';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (c ?? '').padEnd(widths[i])).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

function hparamText(value: HParams[string] | undefined): string {
  return value === undefined ? '-' : String(value);
}

/** The hyperparameter keys whose values are not the same in every run (a key some runs lack differs). */
export function differingKeys(sets: HParams[]): string[] {
  const keys = [...new Set(sets.flatMap((h) => Object.keys(h)))].sort();
  return keys.filter((k) => new Set(sets.map((h) => hparamText(h[k]))).size > 1);
}

function bestText(r: RunSummary): string {
  return r.best ? `${r.best.metric}=${fixed(r.best.value)} @${r.best.epoch}` : '-';
}

function write(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

async function list(runsFolder: string, extra: string[], json: boolean): Promise<number> {
  const {runs, warnings} = await listRuns(runsFolder, {extraFolders: extra});
  for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
  const differing = differingKeys(runs.map((r) => r.hparams));
  if (json) {
    write(JSON.stringify({runsFolder: path.resolve(runsFolder), runs, differing, warnings}, null, 1));
    return 0;
  }
  if (!runs.length) {
    write(`No runs in ${runsFolder}${extra.length ? ' or beside the models' : ''}. Training records one (keras-workbench train SPEC).`);
    return 0;
  }
  const rows = runs.map((r) => [
    r.id, r.specName ?? (r.kind === 'keras-logs' ? '(keras logs)' : '-'), r.status,
    r.epochsPlanned ? `${r.epochs}/${r.epochsPlanned}` : String(r.epochs), bestText(r), fixed(r.testAccuracy),
    formatDuration(r.durationSeconds), differing.filter((k) => k in r.hparams).map((k) => `${k}=${hparamText(r.hparams[k])}`).join(' '),
  ]);
  write(table(['ID', 'SPEC', 'STATUS', 'EPOCHS', 'BEST VALIDATION', 'TEST ACC', 'DURATION', 'DIFFERING HYPERPARAMETERS'], rows));
  return 0;
}

function epochTable(record: RunRecord): string {
  const keys = [...new Set(record.epochs.flatMap((e) => Object.keys(e.logs)))];
  return table(['EPOCH', ...keys, 'SECONDS'],
    record.epochs.map((e) => [String(e.epoch), ...keys.map((k) => fixed(e.logs[k])), e.seconds ? e.seconds.toFixed(1) : '-']));
}

async function show(runsFolder: string, id: string, json: boolean): Promise<number> {
  const record = await readRun(runsFolder, id);
  for (const w of record.warnings ?? []) process.stderr.write(`warning: ${w}\n`);
  if (json) {
    write(JSON.stringify(record, null, 1));
    return 0;
  }
  const s = summarize(record);
  const env = record.environment;
  const lines = [
    `Run ${record.id} (${record.kind === 'local' ? 'recorded by keras-workbench' : 'Keras TensorBoard logs'})`,
    `  folder:      ${record.folder}`,
    record.spec && `  spec:        ${record.spec.path} (${record.spec.name})`,
    `  status:      ${record.status}${record.error ? ` - ${record.error}` : ''}`,
    record.resumedFrom && `  resumed from: ${record.resumedFrom}`,
    `  started:     ${record.startTime}${record.endTime ? `, ended ${record.endTime}` : ''} (${formatDuration(s.durationSeconds)})`,
    env && `  environment: ${env.backend} backend, ${env.threads} threads, seed ${env.seed}, keras-workbench ${env.toolVersion}, ${env.hostname} pid ${env.pid}`,
    `  epochs:      ${record.epochs.length}${record.epochsPlanned ? ` of ${record.epochsPlanned}` : ''}; best ${bestText(s)}`,
    record.test && `  test:        loss ${fixed(record.test.loss)}${Object.entries(record.test.metrics).map(([k, v]) => `, ${k} ${fixed(v)}`).join('')} (${record.test.samples} samples)`,
    record.model && `  model:       ${record.model.path} (${record.model.format}, sha256 ${record.model.sha256.slice(0, 16)}…)`,
    record.checkpoint && `  checkpoint:  ${record.checkpoint}`,
    record.data && `  samples:     train ${record.data.samples.train}, validation ${record.data.samples.validation}, test ${record.data.samples.test}` +
      `${record.data.limit ? ` (--limit ${record.data.limit})` : ''}`,
    ...(record.data?.files ?? []).map((f) => `  data file:   ${f.path} (${f.size} bytes, sha256 ${f.sha256.slice(0, 16)}…)`),
  ].filter(Boolean) as string[];
  const hparams = Object.entries(record.hparams);
  if (hparams.length) lines.push('', 'Hyperparameters:', ...hparams.map(([k, v]) => `  ${k} = ${v}`));
  if (record.epochs.length) lines.push('', epochTable(record));
  if (record.test?.confusionMatrix) {
    lines.push('', 'Test confusion matrix (rows: true class, columns: predicted):',
      table(['', ...record.test.confusionMatrix.map((_, i) => String(i))], record.test.confusionMatrix.map((row, i) => [String(i), ...row.map(String)])));
  }
  write(lines.join('\n'));
  return 0;
}

async function compare(runsFolder: string, ids: string[], json: boolean, all: boolean): Promise<number> {
  if (ids.length < 2) throw new UsageError('compare needs at least two run ids');
  const records: RunRecord[] = [];
  for (const id of ids) records.push(await readRun(runsFolder, id));
  for (const w of records.flatMap((r) => r.warnings ?? [])) process.stderr.write(`warning: ${w}\n`);
  const keys = all ? [...new Set(records.flatMap((r) => Object.keys(r.hparams)))].sort() : differingKeys(records.map((r) => r.hparams));
  const best = records.map((r) => {
    const b = bestEpoch(r.epochs);
    return b ? {epoch: b.epoch, metric: b.metric, logs: r.epochs.find((e) => e.epoch === b.epoch)!.logs} : undefined;
  });
  const last = records.map((r) => r.epochs.at(-1));
  const specDiffs = records.slice(1).map((r) => ({
    a: records[0].id, b: r.id,
    diff: records[0].spec && r.spec ? unifiedDiff(records[0].spec.text, r.spec.text, {a: `${records[0].id}/${records[0].spec.path}`, b: `${r.id}/${r.spec.path}`}) : undefined,
  }));
  if (json) {
    write(JSON.stringify({
      runs: records.map((r) => r.id),
      hparams: Object.fromEntries(keys.map((k) => [k, records.map((r) => r.hparams[k] ?? null)])),
      best, last: last.map((e) => e && {epoch: e.epoch, logs: e.logs}), test: records.map((r) => r.test ?? null), specDiffs,
    }, null, 1));
    return 0;
  }
  const metricKeys = [...new Set(records.flatMap((r) => Object.keys(r.epochs.at(-1)?.logs ?? {})))];
  const out: string[] = [];
  out.push(keys.length ? table(['HYPERPARAMETER', ...ids], keys.map((k) => [k, ...records.map((r) => hparamText(r.hparams[k]))]))
    : `The runs have the same hyperparameters${all ? '' : ' (--all lists them)'}.`);
  out.push('', table(['METRIC', ...ids], [
    ['best epoch', ...best.map((b) => (b ? `${b.epoch} (by ${b.metric})` : '-'))],
    ...metricKeys.map((k) => [`best: ${k}`, ...best.map((b) => fixed(b?.logs[k]))]),
    ['last epoch', ...last.map((e) => (e ? String(e.epoch) : '-'))],
    ...metricKeys.map((k) => [`last: ${k}`, ...last.map((e) => fixed(e?.logs[k]))]),
    ['test loss', ...records.map((r) => fixed(r.test?.loss))],
    ...[...new Set(records.flatMap((r) => Object.keys(r.test?.metrics ?? {})))].map((k) => [`test ${k}`, ...records.map((r) => fixed(r.test?.metrics[k]))]),
  ]));
  for (const d of specDiffs) {
    out.push('', d.diff === undefined ? `Spec diff ${d.a} -> ${d.b}: a run has no spec (Keras logs)` : d.diff || `The specs of ${d.a} and ${d.b} are the same.`);
  }
  write(out.join('\n'));
  return 0;
}

async function ask(question: string): Promise<boolean> {
  const rl = readline.createInterface({input: process.stdin, output: process.stderr});
  try {
    const answer = await new Promise<string>((resolve) => rl.question(question, resolve));
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

async function remove(runsFolder: string, ids: string[], yes: boolean): Promise<number> {
  if (!ids.length) throw new UsageError('rm needs at least one run id');
  // Every id is checked before anything is removed.
  const records: RunRecord[] = [];
  for (const id of ids) {
    runFolder(runsFolder, id);
    const record = await readRun(runsFolder, id);
    if (record.kind !== 'local') throw new RunsError(id, 'is a folder of Keras TensorBoard logs, not a run record of this tool; remove it yourself if you mean to');
    if (record.status === 'running') throw new RunsError(id, `is still running (pid ${record.environment?.pid}); stop the training first`);
    records.push(record);
  }
  if (!yes) {
    if (!process.stdin.isTTY) throw new UsageError(`not removing ${ids.length} run record(s) without --yes (no terminal to ask on)`);
    if (!(await ask(`Remove ${ids.length} run record(s) (${ids.join(', ')})? Models are kept. [y/N] `))) {
      write('Nothing removed.');
      return 1;
    }
  }
  for (const r of records) {
    removeRun(runsFolder, r.id);
    write(`Removed run record ${r.id}${r.model ? ` (the model at ${r.model.path} is kept)` : ''}.`);
  }
  return 0;
}

/** What every runs subcommand takes (declared in main.ts's command table). */
export interface RunsArguments {
  logdir?: string;
  json?: boolean;
  all?: boolean;
  yes?: boolean;
}

/** The runs folder, checked (a folder leading out of the current directory by a link is refused). */
function runsFolderOf(values: RunsArguments): string {
  const runsFolder = values.logdir ?? DEFAULT_RUNS_FOLDER;
  checkRunsFolder(runsFolder, process.cwd());
  return runsFolder;
}

/** `keras-workbench runs` / `runs list`. */
export function runsList(values: RunsArguments): Promise<number> {
  const runsFolder = runsFolderOf(values);
  return list(runsFolder, values.logdir === undefined ? findKerasLogFolders(process.cwd(), runsFolder) : [], !!values.json);
}

/** `keras-workbench runs show ID`. */
export function runsShow(id: string, values: RunsArguments): Promise<number> {
  return show(runsFolderOf(values), id, !!values.json);
}

/** `keras-workbench runs compare ID ID...`. */
export function runsCompare(ids: string[], values: RunsArguments): Promise<number> {
  return compare(runsFolderOf(values), ids, !!values.json, !!values.all);
}

/** `keras-workbench runs rm ID...`. */
export function runsRemove(ids: string[], values: RunsArguments): Promise<number> {
  return remove(runsFolderOf(values), ids, !!values.yes);
}

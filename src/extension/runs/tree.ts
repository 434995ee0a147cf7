/**
 * What the Runs view shows, apart from VS Code (no vscode import, so unit tests build it): runs
 * grouped by spec, newest first, each with its status icon, the best validation metric as
 * description, a tooltip with the key hyperparameters, and a context value the menus' `when`
 * clauses match (`viewItem =~ /\bresumable\b/`): `kerasRun status-<status>` and the flags `record`
 * (a record of this tool), `spec`, `model` and `resumable`, in this order.
 */
import * as path from 'path';
import type {ComparedRunStatus, HyperparameterValue} from '../../protocol/runs';

/** One run as the view needs it (made from the runs folder's listing). */
export interface RunEntry {
  id: string;
  /** The spec's absolute path (its text is kept in the run record, the file may have changed since). */
  spec: string;
  status: ComparedRunStatus;
  /** Unix time in milliseconds. */
  startTime: number;
  endTime?: number;
  /** Epochs finished. */
  epochs: number;
  /** The best validation metric over the epochs (or the best training one when there is no validation). */
  best?: {metric: string; value: number; epoch: number};
  hyperparameters: Record<string, HyperparameterValue>;
  /** The saved model, when the run saved one. */
  modelPath?: string;
  /** A crashed or cancelled run with an epoch checkpoint: Resume continues it. */
  resumable: boolean;
  resumedFrom?: string;
  /** The run's folder inside the runs folder. */
  folder: string;
  /** The record keeps the spec's text (Open Spec as it was, Train Again). */
  hasSpec: boolean;
  /** Read from Keras's own TensorBoard logs, not a record of this tool (Delete Record leaves those). */
  kerasLogs: boolean;
}

export type RunsNode =
  | {kind: 'spec'; spec: string; runs: RunEntry[]}
  | {kind: 'run'; run: RunEntry}
  | {kind: 'message'; text: string};

export interface ItemShape {
  id: string;
  label: string;
  description?: string;
  /** Markdown. */
  tooltip?: string;
  /** A codicon id and its theme colour id. */
  icon?: {id: string; colour?: string};
  contextValue?: string;
  expanded?: boolean;
  /** The spec file of a group (its file decorations show); runs have none, their folders are the tool's. */
  resourcePath?: string;
}

/** Status icons: codicon and theme colour. */
export const STATUS_ICONS: Record<ComparedRunStatus, {id: string; colour?: string; title: string}> = {
  running: {id: 'sync~spin', title: 'running'},
  finished: {id: 'pass', colour: 'testing.iconPassed', title: 'finished'},
  cancelled: {id: 'circle-slash', colour: 'disabledForeground', title: 'cancelled'},
  failed: {id: 'error', colour: 'testing.iconFailed', title: 'failed'},
  crashed: {id: 'warning', colour: 'list.warningForeground', title: 'crashed (the process died)'},
};

/** Hyperparameters a tooltip names first, when the run has them. */
const KEY_HYPERPARAMETERS = [/^optimizer(\.(class_name|name))?$/, /learning_rate$/, /batch_size$/, /^fit\.epochs$/, /validation_split$/, /^(model\.)?layers$/, /param/, /seed$/, /^loss$/];
const TOOLTIP_ROWS = 8;

export function keyHyperparameters(h: Record<string, HyperparameterValue>): Array<[string, HyperparameterValue]> {
  const keys = Object.keys(h);
  const chosen: string[] = [];
  for (const pattern of KEY_HYPERPARAMETERS) for (const k of keys) if (pattern.test(k) && !chosen.includes(k)) chosen.push(k);
  for (const k of keys.sort()) if (chosen.length < TOOLTIP_ROWS && !chosen.includes(k)) chosen.push(k);
  return chosen.slice(0, TOOLTIP_ROWS).map((k) => [k, h[k]!]);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Local start time, to the second: "2026-12-06 10:01:25". */
export function startLabel(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

function metricText(v: number): string {
  return Math.abs(v) >= 1e-3 && Math.abs(v) < 1e5 ? v.toFixed(4) : v.toExponential(3);
}

function duration(run: RunEntry): string | undefined {
  if (run.endTime === undefined) return undefined;
  const s = Math.max(0, (run.endTime - run.startTime) / 1000);
  return s < 60 ? `${s.toFixed(1)} s` : s < 3600 ? `${Math.floor(s / 60)} min ${Math.round(s % 60)} s` : `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min`;
}

/** Escapes what would change a tooltip's Markdown: emphasis, code, links, HTML and table cells. */
function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_[\]|<>]/g, '\\$&');
}

export class RunsTree {
  private groups: Array<Extract<RunsNode, {kind: 'spec'}>> = [];
  private byId = new Map<string, RunEntry>();

  /** `root`: the workspace folder, for relative spec names. */
  constructor(private readonly root: string) {}

  /** Replaces the runs; groups by spec (most recent run first), runs newest first. */
  set(runs: readonly RunEntry[]): void {
    const bySpec = new Map<string, RunEntry[]>();
    this.byId = new Map();
    for (const r of runs) {
      this.byId.set(r.id, r);
      let list = bySpec.get(r.spec);
      if (!list) bySpec.set(r.spec, list = []);
      list.push(r);
    }
    const newestFirst = (a: RunEntry, b: RunEntry) => b.startTime - a.startTime || b.id.localeCompare(a.id);
    for (const list of bySpec.values()) list.sort(newestFirst);
    this.groups = [...bySpec.entries()].map(([spec, list]) => ({kind: 'spec' as const, spec, runs: list}))
      .sort((a, b) => newestFirst(a.runs[0]!, b.runs[0]!));
  }

  get size(): number {
    return this.byId.size;
  }

  run(id: string): RunEntry | undefined {
    return this.byId.get(id);
  }

  runs(): RunEntry[] {
    return [...this.byId.values()];
  }

  children(node?: RunsNode): RunsNode[] {
    if (!node) return this.groups;
    if (node.kind === 'spec') return node.runs.map((run) => ({kind: 'run', run}));
    return [];
  }

  /** The node of a run, for revealing it. */
  nodeOf(id: string): RunsNode | undefined {
    const run = this.byId.get(id);
    return run && {kind: 'run', run};
  }

  parent(node: RunsNode): RunsNode | undefined {
    if (node.kind !== 'run') return undefined;
    return this.groups.find((g) => g.spec === node.run.spec);
  }

  specLabel(spec: string): string {
    const rel = path.relative(this.root, spec);
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : spec;
  }

  item(node: RunsNode): ItemShape {
    if (node.kind === 'message') return {id: `message:${node.text}`, label: node.text};
    if (node.kind === 'spec') {
      const label = path.basename(node.spec);
      const folder = path.dirname(this.specLabel(node.spec));
      const n = node.runs.length;
      return {
        id: `spec:${node.spec}`,
        label,
        description: `${folder === '.' ? '' : `${folder} · `}${n} run${n === 1 ? '' : 's'}`,
        tooltip: `**${escapeMarkdown(this.specLabel(node.spec))}**\n\n${n} run${n === 1 ? '' : 's'}`,
        icon: {id: 'file-code'},
        contextValue: 'kerasSpec',
        expanded: this.groups[0] === node,
        resourcePath: node.spec,
      };
    }
    const run = node.run;
    const status = STATUS_ICONS[run.status];
    const best = run.best ? `${run.best.metric} ${metricText(run.best.value)}` : undefined;
    const epochs = `${run.epochs} epoch${run.epochs === 1 ? '' : 's'}`;
    const context = ['kerasRun', `status-${run.status}`];
    if (!run.kerasLogs) context.push('record');
    if (run.hasSpec) context.push('spec');
    if (run.modelPath) context.push('model');
    if (run.resumable) context.push('resumable');
    const rows = keyHyperparameters(run.hyperparameters).map(([k, v]) => `| \`${k}\` | ${escapeMarkdown(String(v))} |`);
    const took = duration(run);
    const tooltip = [
      `**${escapeMarkdown(path.basename(run.spec))}** · ${status.title}${run.resumedFrom ? ` · resumed from ${escapeMarkdown(run.resumedFrom)}` : ''}`,
      `${startLabel(run.startTime)} · ${epochs}${took ? ` in ${took}` : ''}${run.best ? ` · best ${run.best.metric} ${metricText(run.best.value)} at epoch ${run.best.epoch}` : ''}`,
      ...(rows.length ? [['| hyperparameter | value |', '|---|---|', ...rows].join('\n')] : []),
      `Run \`${run.id}\``,
    ];
    return {
      id: `run:${run.id}`,
      label: startLabel(run.startTime),
      description: [best, run.status === 'running' ? `epoch ${run.epochs + 1}…` : epochs].filter(Boolean).join(' · '),
      tooltip: tooltip.join('\n\n'),
      icon: {id: status.id, colour: status.colour},
      contextValue: context.join(' '),
    };
  }
}

/**
 * Run records as the Runs view and the comparison panel take them: a listing row becomes a tree
 * entry, a full record a compared run (times in milliseconds, spec paths absolute).
 */
import * as path from 'path';
import type {RunRecord, RunSummary} from '../../formats/runs/record';
import type {ComparedRun} from '../../protocol/runs';
import {startLabel, type RunEntry} from './tree';

/** Statuses whose run can go on from its last epoch checkpoint. */
export const RESUMABLE = new Set<RunSummary['status']>(['crashed', 'cancelled']);

/** The spec a run groups under: its spec's absolute path, or for Keras's own logs the folder holding them. */
export function specOf(run: {specPath?: string; folder: string}, workspaceRoot: string): string {
  return run.specPath ? path.resolve(workspaceRoot, run.specPath) : path.dirname(run.folder);
}

function time(iso: string | undefined): number | undefined {
  const t = iso === undefined ? NaN : Date.parse(iso);
  return Number.isFinite(t) ? t : undefined;
}

/** `resumable`: the caller checked that the run's checkpoint is still there. */
export function entryOf(s: RunSummary, workspaceRoot: string, resumable = false): RunEntry {
  return {
    id: s.id,
    spec: specOf(s, workspaceRoot),
    status: s.status,
    startTime: time(s.startTime) ?? 0,
    endTime: time(s.endTime),
    epochs: s.epochs,
    best: s.best,
    hyperparameters: s.hparams,
    modelPath: s.modelPath && path.resolve(workspaceRoot, s.modelPath),
    resumable: resumable && RESUMABLE.has(s.status),
    resumedFrom: s.resumedFrom,
    folder: s.folder,
    hasSpec: s.specPath !== undefined,
    kerasLogs: s.kind === 'keras-logs',
  };
}

/** The name a run goes by in the comparison: its spec's name (the file's, without .train.json, when the spec names none) and its start time. */
export function runLabel(r: {spec?: {name?: string; path: string}; folder: string; startTime: string}): string {
  const name = r.spec?.name || (r.spec ? path.basename(r.spec.path).replace(/\.train\.json$/, '') : path.basename(r.folder));
  const start = time(r.startTime);
  return start === undefined ? name : `${name} ${startLabel(start).slice(5)}`;
}

export function comparedRun(r: RunRecord, colour: number, workspaceRoot: string): ComparedRun {
  const test = r.test ? {loss: r.test.loss, ...r.test.metrics} : undefined;
  return {
    id: r.id,
    label: runLabel(r),
    spec: r.spec ? path.relative(workspaceRoot, path.resolve(workspaceRoot, r.spec.path)) || r.spec.path : path.basename(r.folder),
    status: r.status,
    colour,
    startTime: time(r.startTime) ?? 0,
    hyperparameters: r.hparams,
    epochs: r.epochs.map((e) => ({epoch: e.epoch, wallTime: e.wallTime * 1000, logs: e.logs})),
    test,
    confusion: r.test?.confusionMatrix,
    hasSpec: typeof r.spec?.text === 'string',
  };
}

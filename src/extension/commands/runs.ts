/**
 * The Runs view's actions: Compare, Open Model, Open Spec as it was, Train Again, Resume,
 * Reveal in Explorer, Delete Record, Refresh. Each takes the clicked node and the selection
 * (VS Code passes both to view/item/context commands).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import {removeRun} from '../../formats/runs';
import type {Ctx} from '../context';
import {ComparisonPanel} from '../runs/panel';
import {specFileName, specSnapshotUri} from '../runs/spec-documents';
import type {RunEntry, RunsNode} from '../runs/tree';
import {openModel} from './models';
import {trainSpecFile} from './train';

type NodeArgs = [node?: RunsNode, nodes?: readonly RunsNode[]];

/** The runs of the command; shows a line and gives none when nothing is chosen. */
function chosen(ctx: Ctx, args: NodeArgs, what: string): RunEntry[] {
  const runs = ctx.runs.selected(...args);
  if (!runs.length) void vscode.window.showInformationMessage(`Select a run in the Runs view to ${what}.`);
  return runs;
}

function root(ctx: Ctx): string | undefined {
  const r = ctx.workspaceRoot();
  if (!r) void vscode.window.showErrorMessage('Open a workspace folder: runs are recorded in it.');
  return r;
}

export function compareRuns(ctx: Ctx) {
  return async (...args: NodeArgs): Promise<string[] | undefined> => {
    const runs = chosen(ctx, args, 'compare');
    const workspaceRoot = root(ctx);
    if (!runs.length || !workspaceRoot) return undefined;
    await ComparisonPanel.open(ctx.extensionUri, ctx.runs, workspaceRoot, ctx.log, runs.map((r) => r.id));
    return runs.map((r) => r.id);
  };
}

export function openRunModel(ctx: Ctx) {
  return async (...args: NodeArgs): Promise<void> => {
    const [run] = chosen(ctx, args, 'open its model');
    if (!run) return;
    if (!run.modelPath || !fs.existsSync(run.modelPath)) {
      void vscode.window.showWarningMessage(run.modelPath
        ? `The model this run saved, ${vscode.workspace.asRelativePath(run.modelPath)}, is no longer there.`
        : `Run ${run.id} saved no model (${run.status}).`);
      return;
    }
    await openModel(ctx, vscode.Uri.file(run.modelPath), {reuse: true});
  };
}

export function openRunSpec(ctx: Ctx) {
  return async (...args: NodeArgs): Promise<vscode.Uri | undefined> => {
    const [run] = chosen(ctx, args, 'open its spec');
    if (!run) return undefined;
    try {
      const record = await ctx.runs.readRun(run.id);
      if (typeof record.spec?.text !== 'string') {
        void vscode.window.showInformationMessage(`Run ${run.id} recorded no spec (Keras's own logs keep none).`);
        return undefined;
      }
      const uri = specSnapshotUri(record);
      await vscode.window.showTextDocument(uri, {preview: true});
      return uri;
    } catch (e) {
      ctx.showError(`Cannot open the spec of run ${run.id}: ${(e as Error).message}`);
      return undefined;
    }
  };
}

/**
 * Train Again: the spec as the run recorded it, or the spec file as it is now. A recorded text that
 * differs from the file is trained from a copy in the extension's storage (the spec's relative
 * paths resolve against the workspace folder wherever the file lies); the file is never changed.
 */
export function trainRunAgain(ctx: Ctx) {
  return async (...args: NodeArgs): Promise<unknown> => {
    const [run] = chosen(ctx, args, 'train again');
    const workspaceRoot = root(ctx);
    if (!run || !workspaceRoot) return undefined;
    let record;
    try {
      record = await ctx.runs.readRun(run.id);
    } catch (e) {
      ctx.showError(`Cannot read run ${run.id}: ${(e as Error).message}`);
      return undefined;
    }
    const specFile = record.spec && path.resolve(workspaceRoot, record.spec.path);
    const current = specFile && fs.existsSync(specFile) ? fs.readFileSync(specFile, 'utf8') : undefined;
    const recorded = record.spec?.text;
    if (recorded === undefined && current === undefined) {
      void vscode.window.showWarningMessage(`Run ${run.id} has no spec to train again.`);
      return undefined;
    }
    let text = recorded;
    if (recorded !== undefined && current !== undefined && recorded !== current) {
      const asItWas = {label: 'The spec as it was', description: `recorded by run ${run.id}`, text: recorded};
      const asItIs = {label: 'The current spec', description: vscode.workspace.asRelativePath(specFile!), text: current};
      const pick = await vscode.window.showQuickPick([asItWas, asItIs], {title: 'Train Again', placeHolder: 'The spec has changed since this run: train which?'});
      if (!pick) return undefined;
      text = pick.text;
    }
    if (text === current && specFile) return trainSpecFile(ctx, specFile, workspaceRoot);
    const copy = vscode.Uri.joinPath(ctx.extension.globalStorageUri, 'run-specs', encodeURIComponent(run.id), specFileName(record));
    await vscode.workspace.fs.writeFile(copy, Buffer.from(text!, 'utf8'));
    return trainSpecFile(ctx, copy.fsPath, workspaceRoot);
  };
}

/** Resume: the run's spec trained again from its last epoch checkpoint; the recorder links the new run to the one that wrote it. */
export function resumeRun(ctx: Ctx) {
  return async (...args: NodeArgs): Promise<unknown> => {
    const [run] = chosen(ctx, args, 'resume');
    const workspaceRoot = root(ctx);
    if (!run || !workspaceRoot) return undefined;
    if (!run.resumable) {
      void vscode.window.showInformationMessage(`Run ${run.id} cannot be resumed: only a crashed or cancelled run with its epoch checkpoint can.`);
      return undefined;
    }
    if (!fs.existsSync(run.spec)) {
      void vscode.window.showWarningMessage(`The spec of run ${run.id}, ${vscode.workspace.asRelativePath(run.spec)}, is no longer there.`);
      return undefined;
    }
    return trainSpecFile(ctx, run.spec, workspaceRoot, {resume: true});
  };
}

export function revealRun(ctx: Ctx) {
  return async (...args: NodeArgs): Promise<void> => {
    const [run] = chosen(ctx, args, 'reveal it');
    if (run) await vscode.commands.executeCommand('revealInExplorer', vscode.Uri.file(run.folder));
  };
}

/** Delete Record: asks, then removes the runs' records (their folders in the runs folder); models are never touched. */
export function deleteRunRecords(ctx: Ctx) {
  return async (...args: NodeArgs): Promise<string[]> => {
    const runs = chosen(ctx, args, 'delete its record');
    const folder = ctx.runs.folder;
    if (!runs.length || !folder) return [];
    const running = runs.filter((r) => r.status === 'running');
    if (running.length) {
      void vscode.window.showWarningMessage(`Run ${running[0]!.id} is still running: its record is kept.`);
      return [];
    }
    const what = runs.length === 1 ? `the record of run ${runs[0]!.id}` : `the records of ${runs.length} runs`;
    const remove = 'Delete Record';
    const choice = await vscode.window.showWarningMessage(`Delete ${what}?`,
      {modal: true, detail: 'The run folder (run.json and its TensorBoard event files) is removed. Saved models are not touched.'}, remove);
    if (choice !== remove) return [];
    const removed: string[] = [];
    for (const run of runs) {
      try {
        removeRun(folder, run.id);
        removed.push(run.id);
      } catch (e) {
        ctx.showError(`Cannot delete the record of run ${run.id}: ${(e as Error).message}`);
      }
    }
    await ctx.runs.refresh();
    return removed;
  };
}

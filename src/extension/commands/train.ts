/**
 * Keras: Train Model. Picks the spec (argument, active editor, quick pick, or the offer to create
 * the reference spec), confirms replacing an existing model, then runs the training in the worker
 * with a cancellable progress notification, a status bar item and the epoch lines in the log.
 */
import * as path from 'path';
import {randomUUID} from 'crypto';
import * as vscode from 'vscode';
import * as msg from '../../protocol/messages';
import type {Ctx} from '../context';
import {formatDuration, formatLogs} from '../format';
import {offerNativeBackend} from '../native-backend';
import {pickSpec} from './spec';
import {showTrainingRun, TrainingRunView} from '../inspector';
import {openModel} from './models';
import {resolveRunsFolder} from '../runs/folder';
import {errorLine} from '../../common/errors';
import {WorkerRequestError} from '../worker-client';

export interface TrainOutcome {
  result?: msg.TrainResult;
  error?: string;
  /** From the command to the first progress notification of the worker, in ms. */
  firstProgressMs?: number;
}

export function trainModel(ctx: Ctx) {
  return async (arg?: vscode.Uri): Promise<TrainOutcome | undefined> => {
    const started = performance.now();
    if (ctx.training) {
      const choice = await vscode.window.showWarningMessage('A training run is already in progress.', 'Cancel Training');
      if (choice) await vscode.commands.executeCommand('kerasWorkbench.cancelTraining');
      return undefined;
    }
    const spec = await pickSpec(arg, {title: 'Train Model', placeHolder: 'Training spec to run'}, offerReferenceSpec);
    if (!spec) return undefined;
    const root = ctx.workspaceRoot(spec);
    if (!root) {
      ctx.showError(`${spec.fsPath} is not inside an open workspace folder: open its folder to train.`);
      return undefined;
    }
    await vscode.workspace.textDocuments.find((d) => d.uri.toString() === spec.toString() && d.isDirty)?.save();
    return runTraining(ctx, spec.fsPath, root, started);
  };
}

/** No spec in the workspace: offer to create the reference one. */
async function offerReferenceSpec(): Promise<void> {
  const create = 'Create Reference Spec';
  const choice = await vscode.window.showInformationMessage(
    'No training spec (*.train.json) in this workspace. Create the reference MNIST CNN spec?', create);
  if (choice === create) await vscode.commands.executeCommand('kerasWorkbench.newTrainingSpec');
}

/** `resume`: continue from the epoch checkpoint (the record links the new run to the one that wrote it). */
export interface TrainingOptions {
  resume?: boolean;
}

/** Trains a spec file (the Runs view's Train Again and Resume come here too); refuses while another training runs. */
export async function trainSpecFile(ctx: Ctx, specPath: string, workspaceRoot: string, options: TrainingOptions = {}): Promise<TrainOutcome | undefined> {
  if (ctx.training) {
    void vscode.window.showWarningMessage('A training run is already in progress.');
    return undefined;
  }
  return runTraining(ctx, specPath, workspaceRoot, performance.now(), options);
}

async function runTraining(ctx: Ctx, specPath: string, workspaceRoot: string, started: number, options: TrainingOptions = {}): Promise<TrainOutcome> {
  const runId = randomUUID();
  ctx.training = runId;
  const status = vscode.window.createStatusBarItem('kerasWorkbench.training', vscode.StatusBarAlignment.Left, 10);
  status.name = 'Keras Training';
  status.command = 'kerasWorkbench.cancelTraining';
  status.text = '$(sync~spin) Keras: starting…';
  status.tooltip = 'Training in progress: click to cancel';
  status.show();
  const outcome: TrainOutcome = {};
  try {
    const summary = await ctx.client.sendRequest(msg.describeSpec, {specPath, workspaceRoot, workspaceTrusted: vscode.workspace.isTrusted});
    let overwrite = summary.overwrite;
    if (summary.targetExists && !summary.overwrite && ctx.config.confirmOverwrite) {
      const replace = 'Replace';
      const choice = await vscode.window.showWarningMessage(
        `${vscode.workspace.asRelativePath(summary.savePath)} already exists. Replace it with the model trained by ${path.basename(specPath)}?`,
        {modal: true, detail: 'The spec says "overwrite": false.'}, replace);
      if (choice !== replace) return outcome;
      overwrite = true;
    }
    ctx.log.info(`Training ${specPath} -> ${summary.savePath} (${summary.format})`);
    const live = ctx.config.showLiveCurves ? openLiveView(ctx, runId, summary.name) : undefined;
    outcome.result = await vscode.window.withProgress({
      location: vscode.ProgressLocation.Notification,
      title: `Training ${summary.name}`,
      cancellable: true,
    }, async (progress, token) => {
      token.onCancellationRequested(() => void vscode.commands.executeCommand('kerasWorkbench.cancelTraining'));
      let reported = 0;
      const listener = ctx.client.onTrainProgress((p) => {
        if (p.runId !== runId) return;
        // The run's record exists from the start: the Runs view shows it running.
        if (outcome.firstProgressMs === undefined) void ctx.runs.refresh();
        outcome.firstProgressMs ??= Math.round(performance.now() - started);
        const done = p.batches ? ((p.epoch - 1) * p.batches + p.batch) / (p.epochs * p.batches) : 0;
        const increment = Math.max(0, done * 100 - reported);
        reported += increment;
        const eta = p.etaSeconds > 0 ? ` · ETA ${formatDuration(p.etaSeconds)}` : '';
        const batch = p.batch > 0 ? ` · batch ${p.batch}/${p.batches}` : '';
        status.text = `$(sync~spin) Keras: epoch ${p.epoch}/${p.epochs}${batch}${eta}`;
        progress.report({increment, message: `epoch ${p.epoch}/${p.epochs}${batch}${eta} ${formatLogs(p.logs)}`.trim()});
      });
      try {
        return await ctx.client.sendRequest(msg.train, {
          runId, specPath, workspaceRoot, overwrite,
          epochs: ctx.config.epochs, limit: ctx.config.sampleLimit, resume: options.resume,
          customObjectsModule: ctx.customObjectsModule(vscode.Uri.file(specPath)),
          workspaceTrusted: vscode.workspace.isTrusted,
          runsFolder: runsFolderFor(ctx, workspaceRoot),
          // The live panel's Watch activations starts on test sample 0, as its picker does; no panel, nothing watched.
          watchSample: live?.view ? 0 : undefined,
        });
      } finally {
        listener.dispose();
      }
    });
    reportSuccess(ctx, summary.name, outcome.result);
    if (!outcome.result.cancelled) {
      void ctx.languageServer.reportTrainingRate(specPath, outcome.result.samplesPerSecond, outcome.result.backend.name);
    }
    if (live && !outcome.result.cancelled) await showTrainedModel(ctx, live, outcome.result.modelPath);
    void offerNativeBackend(ctx, outcome.result.backend);
  } catch (e) {
    outcome.error = errorLine(e);
    const refused = e instanceof WorkerRequestError && e.data.kind === 'spec' && e.data.file === specPath ? e.data : undefined;
    if (refused?.line !== undefined && refused.column !== undefined) showSpecProblem(ctx, specPath, refused.line, refused.column, refused.problem ?? outcome.error);
    else ctx.showError(`Training ${path.basename(specPath)} failed: ${outcome.error}`);
  } finally {
    ctx.training = undefined;
    status.dispose();
    // The watcher reports the record too, but not where the runs folder did not exist when it started.
    void ctx.runs.refresh();
  }
  return outcome;
}

/** The runs folder of the setting; null (nothing recorded, one warning) where it is refused in an untrusted workspace. */
function runsFolderFor(ctx: Ctx, workspaceRoot: string): string | null {
  const resolved = resolveRunsFolder(workspaceRoot, ctx.config.runsFolder, vscode.workspace.isTrusted);
  if (resolved.problem === undefined) return resolved.folder;
  ctx.log.warn(`${resolved.problem} This training is not recorded.`);
  return null;
}

/** A spec the analysis refused before any data loaded: an error with a button to the place in the spec. */
function showSpecProblem(ctx: Ctx, specPath: string, line: number, column: number, problem: string): void {
  const text = `${path.basename(specPath)}:${line}:${column}: ${problem}`;
  ctx.log.error(`Training refused before loading data: ${text}`);
  const go = 'Go to Problem';
  void vscode.window.showErrorMessage(`Training refused: ${text}`, go).then(async (choice) => {
    if (choice !== go) return;
    const position = new vscode.Position(line - 1, column - 1);
    await vscode.window.showTextDocument(vscode.Uri.file(specPath), {selection: new vscode.Range(position, position)});
  });
}

/** The inspector's live loss / accuracy curves for this run; undefined once the user closes it. */
function openLiveView(ctx: Ctx, runId: string, title: string): {view?: TrainingRunView} {
  const live: {view?: TrainingRunView} = {view: showTrainingRun(ctx.extensionUri, ctx.client, {runId, title})};
  live.view?.panel.onDidDispose(() => { live.view = undefined; });
  return live;
}

/** Loads the saved model into the live view, so the panel turns from curves into the full inspector. */
async function showTrainedModel(ctx: Ctx, live: {view?: TrainingRunView}, modelPath: string): Promise<void> {
  if (!live.view) return;
  try {
    const handle = await ctx.client.sendRequest(msg.loadModel, {path: modelPath, compile: true});
    ctx.rememberModel(handle);
    live.view?.showModel(handle);
  } catch (e) {
    ctx.log.warn(`Could not show the trained model in the inspector: ${errorLine(e)}`);
  }
}

function reportSuccess(ctx: Ctx, name: string, result: msg.TrainResult): void {
  const where = vscode.workspace.asRelativePath(result.modelPath);
  const epochs = `${result.epochsRun} epoch${result.epochsRun === 1 ? '' : 's'}`;
  const last = result.history[result.history.length - 1];
  const metrics = last ? ` (${formatLogs(last)})` : '';
  ctx.log.info(`${result.cancelled ? 'Cancelled' : 'Finished'} after ${epochs} in ${formatDuration(result.wallSeconds)}, ` +
    `${Math.round(result.samplesPerSecond)} samples/s on ${result.backend.name}`);
  if (result.cancelled) {
    void vscode.window.showInformationMessage(`Training of ${name} cancelled after ${epochs}${metrics}. The model at ${where} was not changed.`);
    return;
  }
  ctx.modelFolders.add(result.modelPath);
  const inspect = 'Open Inspector';
  const reveal = 'Reveal in Explorer';
  void vscode.window.showInformationMessage(`Trained ${name} for ${epochs}${metrics}. Saved to ${where}.`, inspect, reveal).then(async (choice) => {
    if (choice === inspect) await openModel(ctx, vscode.Uri.file(result.modelPath), {reuse: true});
    if (choice === reveal) await vscode.commands.executeCommand('revealInExplorer', vscode.Uri.file(result.modelPath));
  });
}

export function cancelTraining(ctx: Ctx) {
  return async (): Promise<boolean> => {
    const runId = ctx.training;
    if (!runId) {
      void vscode.window.showInformationMessage('No training run in progress.');
      return false;
    }
    return ctx.client.sendRequest(msg.cancelTraining, {runId});
  };
}

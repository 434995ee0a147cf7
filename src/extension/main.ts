/**
 * Extension entry. Activation only wires commands, the model-folder watcher, the Runs view (it
 * reads run.json files itself), the inspector serializer and the model editor: TensorFlow.js lives
 * in the worker process, which starts on the first command that needs it.
 */
import * as vscode from 'vscode';
import {COMMANDS} from './commands';
import {Ctx} from './context';
import {registerInspectorSerializer} from './inspector';
import {registerModelEditor} from './model-editor';
import {RUN_SPEC_SCHEME, RunSpecDocuments} from './runs/spec-documents';
import type {RunEntry} from './runs/tree';
import type {TrainActivations, TrainProgress} from '../protocol/messages';

/** What the extension exports to other extensions and to its integration tests. */
export interface KerasWorkbenchApi {
  activationMs: number;
  workerPid(): number | undefined;
  modelFolders(): Promise<string[]>;
  /** The path of every model the worker holds for this window, once per model session. */
  loadedModelPaths(): string[];
  onTrainProgress(listener: (p: TrainProgress) => void): vscode.Disposable;
  /** A training run's watched sample at each epoch end, as the host forwards it to the run's panel. */
  onTrainActivations(listener: (a: TrainActivations) => void): vscode.Disposable;
  /** What the Runs view lists now, after the listing in progress (if any) ends. */
  runs(): Promise<RunEntry[]>;
}

let ctx: Ctx | undefined;

export function activate(context: vscode.ExtensionContext): KerasWorkbenchApi {
  const started = performance.now();
  const current = new Ctx(context);
  ctx = current;
  for (const [id, factory] of Object.entries(COMMANDS)) {
    context.subscriptions.push(vscode.commands.registerCommand(id, factory(current)));
  }
  registerInspectorSerializer(context, current.client);
  context.subscriptions.push(registerModelEditor(current));
  context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(RUN_SPEC_SCHEME, new RunSpecDocuments((id) => current.runs.readRun(id))));
  current.languageServer.register();
  const activationMs = performance.now() - started;
  current.log.info(`Activated in ${activationMs.toFixed(1)} ms`);
  return {
    activationMs,
    workerPid: () => current.client.pid,
    modelFolders: async () => {
      await current.modelFolders.ready;
      return current.modelFolders.list();
    },
    loadedModelPaths: () => [...current.models.values()].map((m) => m.path),
    onTrainProgress: (listener) => current.client.onTrainProgress(listener),
    onTrainActivations: (listener) => current.client.onTrainActivations(listener),
    runs: async () => {
      await current.runs.refresh();
      return current.runs.runs.runs();
    },
  };
}

export async function deactivate(): Promise<void> {
  const current = ctx;
  ctx = undefined;
  await current?.dispose();
}

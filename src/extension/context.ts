/**
 * Everything the commands share: settings, the log, the worker client, the model folders, the
 * models loaded in the worker and the training state. Commands are small factories over this.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import type {ModelHandle} from '../protocol/messages';
import {Config} from './config';
import {ModelFolders} from './model-folders';
import {WorkerClient} from './worker-client';
import {LanguageServerLauncher} from './language-server';
import {RunsView} from './runs/view';

export class Ctx implements vscode.Disposable {
  readonly config = new Config();
  readonly log = vscode.window.createOutputChannel('Keras Workbench', {log: true});
  readonly client: WorkerClient;
  readonly modelFolders = new ModelFolders();
  /** The training-spec language server, started when a spec opens. */
  readonly languageServer: LanguageServerLauncher;
  /** The Runs view (reads the runs folder itself; never asks the worker). */
  readonly runs: RunsView;
  /** Models loaded in the worker, newest last. */
  readonly models = new Map<string, ModelHandle>();
  /** Run id of the training in progress. */
  private trainingRun?: string;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(readonly extension: vscode.ExtensionContext) {
    this.languageServer = new LanguageServerLauncher(extension, this.log);
    this.client = new WorkerClient({
      workerPath: path.join(extension.extensionPath, 'dist', 'worker.js'),
      log: this.log,
      backend: () => this.config.backend,
      memoryLimitMB: () => this.config.workerMemoryLimitMB,
      nativeModulesDir: this.nativeBackendDir('node_modules'),
    });
    this.runs = new RunsView({config: this.config, log: this.log, workspaceState: extension.workspaceState, workspaceRoot: () => this.workspaceRoot()});
    this.disposables.push(this.log, this.modelFolders, this.runs, this.client.onExit(() => {
      this.forgetModels();
      // A worker that died mid-training leaves a run that now reads as crashed, without a file event.
      void this.runs.refresh();
    }), vscode.workspace.onDidChangeConfiguration((e) => {
      if (Config.affectsWorker(e)) {
        this.log.info('Worker settings changed: restarting the worker (loaded models must be loaded again).');
        this.client.restartSoon();
      }
    }));
  }

  get extensionUri(): vscode.Uri {
    return this.extension.extensionUri;
  }

  /** Where "Install Native Backend" puts @tensorflow/tfjs-node (outside the extension, survives updates). */
  nativeBackendDir(...parts: string[]): string {
    return path.join(this.extension.globalStorageUri.fsPath, 'native-backend', ...parts);
  }

  get training(): string | undefined {
    return this.trainingRun;
  }

  set training(runId: string | undefined) {
    this.trainingRun = runId;
    void vscode.commands.executeCommand('setContext', 'kerasWorkbench.training', runId !== undefined);
  }

  rememberModel(handle: ModelHandle): void {
    this.models.delete(handle.modelId);
    this.models.set(handle.modelId, handle);
    void vscode.commands.executeCommand('setContext', 'kerasWorkbench.hasLoadedModel', true);
  }

  forgetModels(): void {
    this.models.clear();
    void vscode.commands.executeCommand('setContext', 'kerasWorkbench.hasLoadedModel', false);
  }

  /** The workspace folder of a file, else the first one. */
  workspaceRoot(uri?: vscode.Uri): string | undefined {
    const folder = (uri && vscode.workspace.getWorkspaceFolder(uri)) ?? vscode.workspace.workspaceFolders?.[0];
    return folder?.uri.fsPath;
  }

  /** The custom objects module setting, resolved; only in trusted workspaces (it is code from the workspace). */
  customObjectsModule(uri?: vscode.Uri): string | undefined {
    const module = this.config.customObjectsModule;
    if (!module) return undefined;
    if (!vscode.workspace.isTrusted) {
      this.log.warn(`Not loading custom objects from ${module}: the workspace is not trusted.`);
      void vscode.window.showWarningMessage(
        `Custom objects (${module}) are not loaded because this workspace is not trusted. Trust the workspace to use them.`);
      return undefined;
    }
    const root = this.workspaceRoot(uri);
    return root ? path.resolve(root, module) : module;
  }

  /** Shows an error with a button to the log; never throws. */
  showError(message: string): void {
    this.log.error(message);
    void vscode.window.showErrorMessage(message, 'Show Log').then((choice) => {
      if (choice) this.log.show(true);
    });
  }

  async dispose(): Promise<void> {
    for (const d of this.disposables) d.dispose();
    await this.languageServer.dispose();
    await this.client.dispose();
  }
}

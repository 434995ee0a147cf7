/**
 * The inspector's webview panel in VS Code: one per model (or per training run), local
 * resources only, state kept by the webview (`setState`) and restored after a reload by the
 * panel serializer, which reloads the model in the worker.
 */
import * as vscode from 'vscode';
import * as path from 'path';
import {loadModel, watchTrainingSample, type DatasetChoice, type HostToWebview, type InspectorSubject, type ModelHandle, type WebviewToHost} from '../../protocol/messages';
import {inspectorHtml, makeNonce} from './html';
import {createInspectorRouter, type InspectorClient} from './router';
import {inspectorTitle as titleOf} from './title';
import {errorLine} from '../../common/errors';

export const INSPECTOR_VIEW_TYPE = 'kerasWorkbench.inspector';


export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist')],
    // The webview restores itself from its saved state; keeping it alive while hidden is not needed.
    retainContextWhenHidden: false,
  };
}

const open = new Set<InspectorPanel>();

/** Workspace state where each model's chosen dataset is remembered (set at activation). */
let datasetMemory: vscode.Memento | undefined;
export function rememberDatasetsIn(memento: vscode.Memento): void {
  datasetMemory = memento;
}
const datasetKey = (modelPath: string) => `kerasWorkbench.dataset:${modelPath}`;

const INPUT_FILTERS = {'Images and data files': ['png', 'jpg', 'jpeg', 'npy', 'npz', 'csv', 'idx', 'gz', 'ubyte'], 'All files': ['*']};

/** VS Code's open dialog for "Predict files…" and "Data files…". */
async function pickFiles(purpose: 'predict' | 'dataset'): Promise<string[] | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: true, canSelectFiles: true, canSelectFolders: false, filters: INPUT_FILTERS,
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    openLabel: purpose === 'predict' ? 'Predict' : 'Use as test data',
    title: purpose === 'predict' ? 'Keras: files to predict' : 'Keras: test data (one .npz or .csv, or inputs and labels files)',
  });
  return picked?.map((u) => u.fsPath);
}

/** A save dialog, then the text written where the user chose (the dialog asks before replacing a file). */
async function saveText(name: string, text: string): Promise<string | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, path.basename(name)) : undefined, filters: {CSV: ['csv']}, title: 'Keras: export predictions',
  });
  if (!target) return undefined;
  await vscode.workspace.fs.writeFile(target, Buffer.from(text, 'utf8'));
  return target.fsPath;
}

export class InspectorPanel {
  private readonly disposables: vscode.Disposable[] = [];
  private trainSubscriptions: vscode.Disposable[] = [];
  /** The run this panel follows is going in this window's worker: opened with it, its end not yet seen. */
  private running: boolean;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private readonly client: InspectorClient,
    private subject: InspectorSubject,
    /** `restored`: brought back after a window reload (its run, if any, went with the old worker). */
    options: {restored?: boolean} = {},
  ) {
    // A training panel opens as its run starts; one restored after a reload follows a run that is over.
    this.running = subject.kind === 'training' && !subject.model && !options.restored;
    open.add(this);
    panel.webview.options = webviewOptions(extensionUri);
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'inspector.svg');
    const route = createInspectorRouter(client, {
      post: (m) => void this.post(m),
      modelId: () => this.subject.model?.modelId,
      modelPath: () => this.subject.model?.path,
      pickFiles,
      saveText,
      rememberDataset: (modelPath: string, choice: DatasetChoice) => void datasetMemory?.update(datasetKey(modelPath), choice),
      recallDataset: (modelPath: string) => datasetMemory?.get<DatasetChoice>(datasetKey(modelPath)),
      subject: () => this.subject,
      trainingInProgress: () => this.running,
    });
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m: WebviewToHost) => void route(m)),
      panel.onDidDispose(() => this.dispose()),
    );
    if (client.onEvaluateProgress) {
      this.disposables.push(client.onEvaluateProgress((p) => {
        if (p.modelId === this.subject.model?.modelId) void this.post({type: 'evaluateProgress', done: p.done, total: p.total});
      }));
    }
    this.watchTraining();
    this.render();
  }

  get modelId(): string | undefined {
    return this.subject.model?.modelId;
  }

  get runId(): string | undefined {
    return this.subject.kind === 'training' ? this.subject.runId : undefined;
  }

  /** Forwards the run's progress and its watched sample's activations to the webview. */
  private watchTraining(): void {
    this.trainSubscriptions.splice(0).forEach((d) => d.dispose());
    const runId = this.runId;
    if (!runId) return;
    this.trainSubscriptions.push(this.client.onTrainProgress((progress) => {
      if (progress.runId !== runId) return;
      if (progress.kind === 'end') this.running = false;
      void this.post({type: 'trainProgress', progress});
    }));
    if (this.client.onTrainActivations) {
      this.trainSubscriptions.push(this.client.onTrainActivations((activations) => {
        if (activations.runId === runId) void this.post({type: 'trainActivations', activations});
      }));
    }
    // A worker that died mid-run took the run with it: requests about it must not start a new worker.
    if (this.client.onExit) this.trainSubscriptions.push(this.client.onExit(() => (this.running = false)));
  }

  private render(): void {
    const webview = this.panel.webview;
    const dist = vscode.Uri.joinPath(this.extensionUri, 'dist');
    this.panel.title = titleOf(this.subject);
    webview.html = inspectorHtml({
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.css')).toString(),
      title: titleOf(this.subject),
      subject: this.subject,
    });
  }

  private post(message: HostToWebview): Thenable<boolean> {
    return this.panel.webview.postMessage(message);
  }

  /** Shows another subject in the same panel, e.g. the saved model at the end of a training run. */
  setSubject(subject: InspectorSubject): void {
    this.subject = subject;
    // The saved model comes once the run is over.
    if (subject.model) this.running = false;
    this.panel.title = titleOf(subject);
    this.watchTraining();
    void this.post({type: 'subject', subject});
  }

  /** `preserveFocus`: show the panel without taking the focus from the editor (live curves). */
  reveal(preserveFocus = false): void {
    this.panel.reveal(undefined, preserveFocus);
  }

  dispose(): void {
    open.delete(this);
    // Nobody looks any more: the run stops computing its watched sample's activations.
    if (this.running && this.runId) void this.client.sendRequest(watchTrainingSample, {runId: this.runId, sample: null}).catch(() => undefined);
    this.trainSubscriptions.splice(0).forEach((d) => d.dispose());
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  static find(predicate: (p: InspectorPanel) => boolean): InspectorPanel | undefined {
    for (const p of open) if (predicate(p)) return p;
    return undefined;
  }
}

/**
 * A new panel. A training run's live curves open beside the editor without taking its focus:
 * training starts while the user keeps typing in the spec.
 */
export function createPanel(extensionUri: vscode.Uri, client: InspectorClient, subject: InspectorSubject): InspectorPanel {
  const show = subject.kind === 'training'
    ? {viewColumn: vscode.ViewColumn.Beside, preserveFocus: true}
    : {viewColumn: vscode.ViewColumn.Active, preserveFocus: false};
  const panel = vscode.window.createWebviewPanel(INSPECTOR_VIEW_TYPE, titleOf(subject), show, webviewOptions(extensionUri));
  return new InspectorPanel(panel, extensionUri, client, subject);
}

/** After a window reload: reload the panel's model in the (new) worker and show it again. */
export async function restorePanel(extensionUri: vscode.Uri, client: InspectorClient, panel: vscode.WebviewPanel, state: unknown): Promise<void> {
  const saved = (state as {subject?: InspectorSubject} | undefined)?.subject;
  panel.webview.options = webviewOptions(extensionUri);
  if (!saved) {
    panel.webview.html = '<!DOCTYPE html><html><body><p>Nothing to restore: open the inspector again from Keras: Load Model.</p></body></html>';
    return;
  }
  let model: ModelHandle | undefined = saved.model;
  if (model) {
    try {
      model = await client.sendRequest(loadModel, {path: model.path});
    } catch (e) {
      const message = errorLine(e);
      void vscode.window.showErrorMessage(`Keras Workbench: could not reload ${saved.model!.path} for the inspector: ${message}`);
      panel.dispose();
      return;
    }
  }
  const subject: InspectorSubject = saved.kind === 'training'
    ? {kind: 'training', runId: saved.runId, title: saved.title, model}
    : {kind: 'model', model: model!};
  new InspectorPanel(panel, extensionUri, client, subject, {restored: true});
}

/**
 * The model inspector, as the rest of the extension uses it: open it on a loaded model, show a
 * training run's live curves, and restore panels after a window reload.
 */
import * as vscode from 'vscode';
import type {ModelHandle} from '../../protocol/messages';
import {createPanel, InspectorPanel, INSPECTOR_VIEW_TYPE, rememberDatasetsIn, restorePanel} from './panel';
import type {InspectorClient} from './router';

export type {InspectorClient} from './router';
export {INSPECTOR_VIEW_TYPE} from './panel';

/** Opens (or reveals) the inspector for a model that the worker has loaded. */
export function openInspector(extensionUri: vscode.Uri, client: InspectorClient, model: ModelHandle): InspectorPanel {
  const existing = InspectorPanel.find((p) => p.modelId === model.modelId);
  if (existing) {
    existing.reveal();
    return existing;
  }
  return createPanel(extensionUri, client, {kind: 'model', model});
}

export interface TrainingRunView {
  /** Switches the panel to the saved model once training has written it and the worker loaded it. */
  showModel(model: ModelHandle): void;
  readonly panel: vscode.WebviewPanel;
}

/** Opens a panel with the live loss / accuracy curves of a training run (progress filtered by run id), keeping the editor's focus. */
export function showTrainingRun(extensionUri: vscode.Uri, client: InspectorClient, run: {runId: string; title: string}): TrainingRunView {
  const existing = InspectorPanel.find((p) => p.runId === run.runId);
  const view = existing ?? createPanel(extensionUri, client, {kind: 'training', runId: run.runId, title: run.title});
  view.reveal(true);
  return {
    panel: view.panel,
    showModel: (model) => view.setSubject({kind: 'training', runId: run.runId, title: run.title, model}),
  };
}

/** Restores inspector panels after a window reload. Needs `onWebviewPanel:kerasWorkbench.inspector` among the activation events. */
export function registerInspectorSerializer(context: vscode.ExtensionContext, client: InspectorClient): vscode.Disposable {
  rememberDatasetsIn(context.workspaceState);
  const d = vscode.window.registerWebviewPanelSerializer(INSPECTOR_VIEW_TYPE, {
    deserializeWebviewPanel: (panel, state) => restorePanel(context.extensionUri, client, panel, state),
  });
  context.subscriptions.push(d);
  return d;
}

/**
 * Model files open like documents: double-clicking an `.h5`, `.hdf5`, `.keras`, a TensorFlow.js
 * `model.json` or a SavedModel's `saved_model.pb` opens the inspector as a read-only custom editor
 * (Open With… still offers the others). The model is loaded in the worker once per path, however
 * many editors show it; a `model.json` that is not a TensorFlow.js model opens as text instead.
 */
import * as fs from 'fs';
import * as vscode from 'vscode';
import type {Ctx} from './context';
import {modelHandle, openModel} from './commands/models';
import {InspectorPanel} from './inspector/panel';
import {WEIGHTS_ONLY_FILE} from '../formats/table';

export const MODEL_EDITOR_VIEW_TYPE = 'kerasWorkbench.modelEditor';

/** Largest model.json read to tell a TensorFlow.js model from another JSON file of that name. */
const MODEL_JSON_SNIFF_BYTES = 64 * 1024 * 1024;

/** Whether a `model.json` is TensorFlow.js's (it has a modelTopology); other tools use the name too. */
function isTfjsModelJson(file: string): boolean {
  try {
    if (fs.statSync(file).size > MODEL_JSON_SNIFF_BYTES) return true;
    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
    return json !== null && typeof json === 'object' && 'modelTopology' in json;
  } catch {
    return false;
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function statusPage(text: string): string {
  return `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">` +
    `<style>body{font-family:var(--vscode-font-family);color:var(--vscode-foreground);padding:1em}</style></head><body><p>${escapeHtml(text)}</p></body></html>`;
}

export function registerModelEditor(ctx: Ctx): vscode.Disposable {
  return vscode.window.registerCustomEditorProvider(MODEL_EDITOR_VIEW_TYPE, {
    openCustomDocument: (uri) => ({uri, dispose: () => undefined}),
    async resolveCustomEditor(document, webviewPanel) {
      const file = document.uri.fsPath;
      if (/(^|[\\/])model\.json$/.test(file) && !isTfjsModelJson(file)) {
        webviewPanel.dispose();
        await vscode.commands.executeCommand('vscode.openWith', document.uri, 'default');
        return;
      }
      webviewPanel.webview.html = statusPage(`Loading ${vscode.workspace.asRelativePath(file)}…`);
      if (WEIGHTS_ONLY_FILE.test(file)) {
        // Weights without a model: the user names the model they belong to; the inspector opens on both.
        webviewPanel.webview.html = statusPage(`${vscode.workspace.asRelativePath(file)} holds Keras 3 weights without a model config: choose the model they belong to.`);
        if (await openModel(ctx, document.uri, {reuse: true})) webviewPanel.dispose();
        return;
      }
      const handle = await modelHandle(ctx, document.uri, {reuse: true});
      if (!handle) {
        webviewPanel.webview.html = statusPage(`${vscode.workspace.asRelativePath(file)} could not be loaded: see the notification and the Keras Workbench log.`);
        return;
      }
      new InspectorPanel(webviewPanel, ctx.extensionUri, ctx.client, {kind: 'model', model: handle});
    },
  }, {
    webviewOptions: {retainContextWhenHidden: false},
    supportsMultipleEditorsPerDocument: true,
  });
}

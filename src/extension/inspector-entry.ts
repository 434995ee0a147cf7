/**
 * The one place the extension reaches the inspector (src/extension/inspector/, built separately).
 * Until that module lands on main this file holds a minimal stand-in: a panel with the summary
 * table. Once it lands, replace everything below with:
 *   export {openInspector, registerInspectorSerializer} from './inspector';
 */
import * as vscode from 'vscode';
import type {RequestType} from 'vscode-jsonrpc';
import type {ModelHandle, TrainProgress} from '../protocol/messages';

/** What the inspector needs from the worker client. */
export interface InspectorClient {
  sendRequest<P, R>(type: RequestType<P, R, void>, params: P): Promise<R>;
  onTrainProgress(listener: (p: TrainProgress) => void): vscode.Disposable;
}

export function openInspector(_extensionUri: vscode.Uri, _client: InspectorClient, model: ModelHandle): void {
  const panel = vscode.window.createWebviewPanel('kerasWorkbench.inspector', `Inspector: ${model.summary.modelName}`,
    vscode.ViewColumn.Active, {enableScripts: false});
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const rows = model.summary.rows.map((r) =>
    `<tr class="layer-row"><td>${esc(r.name)} (${esc(r.className)})</td><td>${esc(r.outputShape)}</td><td>${r.params.toLocaleString('en-US')}</td></tr>`).join('');
  panel.webview.html = `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';"></head>
<body><h2>${esc(model.path)}</h2><table><thead><tr><th>Layer (type)</th><th>Output Shape</th><th>Param #</th></tr></thead>
<tbody>${rows}</tbody></table><p>Total params: ${model.summary.totalParams.toLocaleString('en-US')}</p></body></html>`;
}

export function registerInspectorSerializer(_context: vscode.ExtensionContext, _client: InspectorClient): void {
  // The stand-in panel is not restored after a reload.
}

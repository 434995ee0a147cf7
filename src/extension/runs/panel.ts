/**
 * The comparison panel in VS Code: one panel, showing the runs last chosen with Compare (and
 * following the Runs view's selection while it is open); a compared run's record that changes on
 * disk is sent again; "Diff Specs" opens VS Code's diff editor on the two spec snapshots.
 */
import * as vscode from 'vscode';
import type {RunsWebviewToHost} from '../../protocol/runs';
import {Comparison} from './comparison';
import {comparisonHtml, makeNonce} from './html';
import {specFileName, specSnapshotUri} from './spec-documents';
import type {RunsView} from './view';

export const COMPARISON_VIEW_TYPE = 'kerasWorkbench.runComparison';

export class ComparisonPanel {
  private static current?: ComparisonPanel;
  private readonly comparison: Comparison;
  private readonly disposables: vscode.Disposable[] = [];

  private constructor(readonly panel: vscode.WebviewPanel, extensionUri: vscode.Uri, private readonly view: RunsView, workspaceRoot: string,
    log: vscode.LogOutputChannel) {
    const dist = vscode.Uri.joinPath(extensionUri, 'dist');
    panel.webview.options = {enableScripts: true, localResourceRoots: [dist]};
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'runs.svg');
    this.comparison = new Comparison({
      workspaceRoot,
      readRun: (id) => view.readRun(id),
      post: (m) => void panel.webview.postMessage(m),
      diffSpecs: async (left, right) => {
        const [a, b] = await Promise.all([view.readRun(left), view.readRun(right)]);
        await vscode.commands.executeCommand('vscode.diff', specSnapshotUri(a), specSnapshotUri(b),
          `${specFileName(a)} (${a.id}) ↔ ${specFileName(b)} (${b.id})`, {preview: true});
      },
      warn: (m) => log.warn(m),
    });
    panel.webview.html = comparisonHtml({
      cspSource: panel.webview.cspSource, nonce: makeNonce(),
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(dist, 'runs-webview.js')).toString(),
      styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(dist, 'runs-webview.css')).toString(),
    });
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m: RunsWebviewToHost) => void this.comparison.handle(m)),
      view.onDidChangeRuns((ids) => void this.comparison.changed(ids)),
      view.treeView.onDidChangeSelection((e) => {
        // Selected runs only: a spec's row stands for all its runs, which Compare asks for explicitly.
        const ids = e.selection.flatMap((n) => (n.kind === 'run' ? [n.run.id] : []));
        if (ids.length && ids.join() !== this.comparison.runIds.join()) void this.show(ids);
      }),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  /** Opens (or reveals) the panel on these runs. */
  static async open(extensionUri: vscode.Uri, view: RunsView, workspaceRoot: string, log: vscode.LogOutputChannel, ids: string[]): Promise<ComparisonPanel> {
    let current = ComparisonPanel.current;
    if (!current) {
      const panel = vscode.window.createWebviewPanel(COMPARISON_VIEW_TYPE, 'Compare Runs', vscode.ViewColumn.Active,
        {enableScripts: true, retainContextWhenHidden: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist')]});
      current = ComparisonPanel.current = new ComparisonPanel(panel, extensionUri, view, workspaceRoot, log);
    } else {
      current.panel.reveal();
    }
    await current.show(ids);
    return current;
  }

  private async show(ids: string[]): Promise<void> {
    const runs = await this.comparison.show(ids);
    this.panel.title = runs.length === 1 ? `Run ${runs[0]!.label}` : `Compare ${runs.length} Runs`;
  }

  dispose(): void {
    if (ComparisonPanel.current === this) ComparisonPanel.current = undefined;
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

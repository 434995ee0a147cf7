/**
 * The Runs view: the runs folder's records listed straight from their run.json files (no worker),
 * kept current by a file watcher on the folder (debounced), and the notice, once per run, that a
 * run crashed while the window was away, with Resume.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import {findKerasLogFolders, listRuns, readRun, summarize} from '../../formats/runs';
import type {RunRecord} from '../../formats/runs/record';
import type {Config} from '../config';
import {entryOf, RESUMABLE} from './adapt';
import {resolveRunsFolder} from './folder';
import {RunsTree, type RunEntry, type RunsNode} from './tree';

export const RUNS_VIEW_ID = 'kerasWorkbench.runs';
/** Lists again this long after a file event, with the events meanwhile: a training writes run.json and event files together. */
const DEBOUNCE_MS = 250;
const NOTIFIED_KEY = 'kerasWorkbench.runs.crashNotified';

export interface RunsViewHost {
  config: Config;
  log: vscode.LogOutputChannel;
  workspaceState: vscode.Memento;
  workspaceRoot(): string | undefined;
}

export class RunsView implements vscode.TreeDataProvider<RunsNode>, vscode.Disposable {
  private tree = new RunsTree('');
  private readonly changeTree = new vscode.EventEmitter<RunsNode | undefined>();
  readonly onDidChangeTreeData = this.changeTree.event;
  private readonly changeRuns = new vscode.EventEmitter<string[]>();
  /** Ids of runs whose record changed on disk (the comparison panel re-reads them). */
  readonly onDidChangeRuns = this.changeRuns.event;
  readonly treeView: vscode.TreeView<RunsNode>;
  private watcher?: vscode.FileSystemWatcher;
  private pending?: NodeJS.Timeout;
  /** Paths the watcher reported since the last listing: the runs holding them changed. */
  private readonly touchedPaths = new Set<string>();
  private problem?: string;
  private listing?: Promise<void>;
  /** Another listing was asked for while one ran: 'full' or 'changed' (only the runs the watcher reported). */
  private again?: 'full' | 'changed';
  private entries: RunEntry[] = [];
  private disposed = false;
  private firstListing = true;
  private readonly disposables: vscode.Disposable[] = [];
  /** How long the last listing took, ms (read by the tests and the log). */
  lastListingMs = 0;

  constructor(private readonly host: RunsViewHost) {
    this.treeView = vscode.window.createTreeView(RUNS_VIEW_ID, {treeDataProvider: this, canSelectMany: true, showCollapseAll: true});
    this.disposables.push(this.treeView, this.changeTree, this.changeRuns,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('kerasWorkbench.runs.folder')) this.restart();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.restart()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.restart()));
    this.restart();
  }

  /** The runs folder in use; undefined when there is no workspace or the setting is refused. */
  get folder(): string | undefined {
    const root = this.host.workspaceRoot();
    if (!root) return undefined;
    const resolved = resolveRunsFolder(root, this.host.config.runsFolder, vscode.workspace.isTrusted);
    return resolved.folder;
  }

  private restart(): void {
    this.watcher?.dispose();
    this.watcher = undefined;
    const root = this.host.workspaceRoot();
    this.problem = undefined;
    if (root) {
      const resolved = resolveRunsFolder(root, this.host.config.runsFolder, vscode.workspace.isTrusted);
      if (resolved.problem !== undefined) {
        this.problem = resolved.problem;
        this.host.log.warn(resolved.problem);
      } else {
        this.watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(resolved.folder), '**/*'));
        const touched = (uri: vscode.Uri) => this.touched(uri);
        this.watcher.onDidCreate(touched);
        this.watcher.onDidChange(touched);
        this.watcher.onDidDelete(touched);
      }
    }
    // Not during activation: reading a thousand run.json files would count against it.
    setTimeout(() => void this.refresh(), 0);
  }

  /** Coalesces the events of DEBOUNCE_MS into one listing (a timer that is not pushed back: epochs faster than that still show). */
  private touched(uri: vscode.Uri): void {
    this.touchedPaths.add(uri.fsPath);
    if (this.pending) return;
    this.pending = setTimeout(() => {
      this.pending = undefined;
      void this.refresh('changed');
    }, DEBOUNCE_MS);
  }

  /**
   * Lists the runs folder again ('full'), or reads again only the runs the watcher reported when
   * all of them are known ('changed': a running training's epoch end costs one run.json, not a
   * thousand). A listing asked for while one runs follows it.
   */
  refresh(scope: 'full' | 'changed' = 'full'): Promise<void> {
    if (this.disposed) return Promise.resolve();
    if (this.listing) {
      if (this.again !== 'full') this.again = scope;
      return this.listing;
    }
    this.listing = this.list(scope).finally(() => {
      this.listing = undefined;
      const again = this.again;
      this.again = undefined;
      if (again) void this.refresh(again);
    });
    return this.listing;
  }

  /** The known runs the touched paths belong to; undefined when a path is not inside a known run (a new run, a removed one). */
  private changedRuns(touched: string[]): RunEntry[] | undefined {
    const runs = new Map<string, RunEntry>();
    for (const t of touched) {
      const run = this.entries.find((e) => t === e.folder || t.startsWith(e.folder + path.sep));
      if (!run || !fs.existsSync(path.join(run.folder, 'run.json'))) return undefined;
      runs.set(run.id, run);
    }
    return [...runs.values()];
  }

  private async list(scope: 'full' | 'changed'): Promise<void> {
    const started = performance.now();
    const root = this.host.workspaceRoot() ?? '';
    const folder = this.problem === undefined ? this.folder : undefined;
    const touched = [...this.touchedPaths];
    this.touchedPaths.clear();
    const known = scope === 'changed' && folder ? this.changedRuns(touched) : undefined;
    let entries: RunEntry[] = [];
    if (folder && known) {
      const updated = new Map<string, RunEntry>();
      for (const run of known) {
        try {
          const record = await readRun(folder, run.id);
          updated.set(run.id, entryOf(summarize(record), root, RESUMABLE.has(record.status) && !!record.checkpoint && fs.existsSync(record.checkpoint)));
        } catch (e) {
          this.host.log.warn((e as Error).message);
        }
      }
      entries = this.entries.map((e) => updated.get(e.id) ?? e);
    } else if (folder) {
      try {
        // Keras's own logs beside models (`<save>.logs/`, written by an exported training script) join the list.
        const {runs, warnings} = await listRuns(folder, {extraFolders: root ? findKerasLogFolders(root, folder) : []});
        for (const w of warnings) this.host.log.warn(w);
        const resumable = await Promise.all(runs.map((r) => (RESUMABLE.has(r.status) ? hasCheckpoint(folder, r.id) : false)));
        entries = runs.map((r, i) => entryOf(r, root, resumable[i]));
      } catch (e) {
        this.host.log.warn(`Cannot list the runs in ${folder}: ${(e as Error).message}`);
      }
    }
    if (this.disposed) return;
    this.entries = entries;
    this.tree = new RunsTree(root);
    this.tree.set(entries);
    this.lastListingMs = performance.now() - started;
    this.treeView.message = this.problem ?? (entries.length ? undefined
      : `No runs yet: every training (Keras: Train Model, or keras-workbench train) is recorded in ${vscode.workspace.asRelativePath(folder ?? 'runs')}.`);
    void vscode.commands.executeCommand('setContext', 'kerasWorkbench.hasRuns', entries.length > 0);
    this.changeTree.fire(undefined);
    const changed = entries.filter((e) => touched.some((t) => t === e.folder || t.startsWith(e.folder + path.sep))).map((e) => e.id);
    if (changed.length) this.changeRuns.fire(changed);
    if (this.firstListing) {
      this.firstListing = false;
      this.host.log.info(`Runs view: ${entries.length} runs listed in ${this.lastListingMs.toFixed(0)} ms`);
      void this.noticeCrashes(entries);
    }
  }

  /** Runs that crashed while the window was away (a reload, a killed worker): said once per run, with Resume. */
  private async noticeCrashes(entries: RunEntry[]): Promise<void> {
    const told = new Set(this.host.workspaceState.get<string[]>(NOTIFIED_KEY, []));
    const crashed = entries.filter((e) => e.status === 'crashed' && !told.has(e.id));
    if (!crashed.length) return;
    await this.host.workspaceState.update(NOTIFIED_KEY, [...told, ...crashed.map((e) => e.id)].slice(-200));
    const latest = crashed.sort((a, b) => b.startTime - a.startTime)[0]!;
    const more = crashed.length > 1 ? ` (and ${crashed.length - 1} more)` : '';
    const resume = 'Resume', show = 'Show Runs';
    const actions = latest.resumable ? [resume, show] : [show];
    const choice = await vscode.window.showWarningMessage(
      `The training of ${path.basename(latest.spec)} started ${new Date(latest.startTime).toLocaleString()} crashed after ${latest.epochs} epoch${latest.epochs === 1 ? '' : 's'}${more}.`,
      ...actions);
    if (choice === resume) await vscode.commands.executeCommand('kerasWorkbench.runs.resume', {kind: 'run', run: latest});
    if (choice === show) await this.reveal(latest.id);
  }

  get runs(): RunsTree {
    return this.tree;
  }

  /** The runs the command is about: the clicked one, plus the selection when it includes it. */
  selected(node?: RunsNode, nodes?: readonly RunsNode[]): RunEntry[] {
    const chosen = nodes?.length ? nodes : node ? [node] : this.treeView.selection;
    const runs = chosen.flatMap((n) => (n.kind === 'run' ? [n.run] : n.kind === 'spec' ? n.runs : []));
    return [...new Map(runs.map((r) => [r.id, r])).values()];
  }

  async reveal(id: string): Promise<void> {
    const node = this.tree.nodeOf(id);
    if (node) await this.treeView.reveal(node, {select: true, focus: true});
  }

  async readRun(id: string): Promise<RunRecord> {
    const folder = this.folder;
    if (!folder) throw new Error('There is no runs folder (open a workspace folder; in an untrusted workspace it must lie inside it).');
    return readRun(folder, id);
  }

  getTreeItem(node: RunsNode): vscode.TreeItem {
    const shape = this.tree.item(node);
    const item = new vscode.TreeItem(shape.label, node.kind === 'spec'
      ? (shape.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed)
      : vscode.TreeItemCollapsibleState.None);
    item.id = shape.id;
    item.description = shape.description;
    if (shape.tooltip) item.tooltip = new vscode.MarkdownString(shape.tooltip);
    if (shape.icon) item.iconPath = new vscode.ThemeIcon(shape.icon.id, shape.icon.colour ? new vscode.ThemeColor(shape.icon.colour) : undefined);
    item.contextValue = shape.contextValue;
    if (shape.resourcePath) item.resourceUri = vscode.Uri.file(shape.resourcePath);
    return item;
  }

  getChildren(node?: RunsNode): RunsNode[] {
    return this.tree.children(node);
  }

  getParent(node: RunsNode): RunsNode | undefined {
    return this.tree.parent(node);
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.pending);
    this.watcher?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

async function hasCheckpoint(folder: string, id: string): Promise<boolean> {
  try {
    const record = await readRun(folder, id);
    return !!record.checkpoint && fs.existsSync(record.checkpoint);
  } catch {
    return false;
  }
}

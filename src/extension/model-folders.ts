/**
 * Keeps the context key `kerasWorkbench.modelFolders` (paths of workspace folders holding a
 * `model.json` or `saved_model.pb`) up to date, so that "Load Model" shows on exactly those folders in the explorer.
 * One search at start-up, then a file watcher: no reading of file contents.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import {MODEL_FOLDERS_CONTEXT_KEY as CONTEXT_KEY, MODEL_FOLDER_MARKERS} from '../formats/table';

const EXCLUDE = '**/node_modules/**';
/** Marker files of every folder format (model.json, saved_model.pb). */
const MARKERS = `**/{${MODEL_FOLDER_MARKERS.join(',')}}`;

export class ModelFolders implements vscode.Disposable {
  private readonly folders = new Set<string>();
  private readonly watcher = vscode.workspace.createFileSystemWatcher(MARKERS);
  private pending?: NodeJS.Timeout;
  readonly ready: Promise<void>;

  constructor() {
    this.watcher.onDidCreate((uri) => this.add(path.dirname(uri.fsPath)));
    this.watcher.onDidDelete((uri) => this.remove(path.dirname(uri.fsPath)));
    this.ready = Promise.resolve(vscode.workspace.findFiles(MARKERS, EXCLUDE, 10_000)).then((uris) => {
      for (const uri of uris) this.folders.add(path.dirname(uri.fsPath));
      this.publish();
    });
  }

  /** Also called after the extension itself saves a model: a folder renamed into place may not raise a file event. */
  add(folder: string): void {
    if (this.folders.has(folder)) return;
    this.folders.add(folder);
    this.schedule();
  }

  remove(folder: string): void {
    if (this.folders.delete(folder)) this.schedule();
  }

  list(): string[] {
    return [...this.folders].sort();
  }

  dispose(): void {
    clearTimeout(this.pending);
    this.watcher.dispose();
  }

  private schedule(): void {
    clearTimeout(this.pending);
    this.pending = setTimeout(() => this.publish(), 50);
  }

  private publish(): void {
    void vscode.commands.executeCommand('setContext', CONTEXT_KEY, this.list());
  }
}

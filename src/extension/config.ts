/**
 * Typed access to the `kerasWorkbench.*` settings (declared in package.json): one getter per
 * setting, so the rest of the extension never spells a setting name or a default.
 */
import * as vscode from 'vscode';
import type {InitializeParams} from '../protocol/messages';

const SECTION = 'kerasWorkbench';

export type BackendPreference = InitializeParams['backendPreference'];

export class Config {
  private get raw(): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration(SECTION);
  }

  get backend(): BackendPreference {
    return this.raw.get<BackendPreference>('backend', 'auto');
  }

  get defaultSaveFolder(): string {
    return this.raw.get<string>('defaultSaveFolder', 'models');
  }

  get confirmOverwrite(): boolean {
    return this.raw.get<boolean>('confirmOverwrite', true);
  }

  /** Train on the first N samples; undefined means the whole data set. */
  get sampleLimit(): number | undefined {
    return positive(this.raw.get<number>('training.sampleLimit', 0));
  }

  /** Epoch count overriding the spec's; undefined keeps the spec's. */
  get epochs(): number | undefined {
    return positive(this.raw.get<number>('training.epochs', 0));
  }

  get showLiveCurves(): boolean {
    return this.raw.get<boolean>('training.showLiveCurves', true);
  }

  get workerMemoryLimitMB(): number {
    return this.raw.get<number>('worker.memoryLimitMB', 4096);
  }

  get customObjectsModule(): string | undefined {
    return this.raw.get<string>('customObjectsModule', '').trim() || undefined;
  }

  /** The runs folder as the setting says (relative to the workspace folder); resolved and checked by runs/folder.ts. */
  get runsFolder(): string {
    return this.raw.get<string>('runs.folder', 'runs');
  }

  get offerNativeBackend(): boolean {
    return this.raw.get<boolean>('offerNativeBackend', true);
  }

  async stopOfferingNativeBackend(): Promise<void> {
    await this.raw.update('offerNativeBackend', false, vscode.ConfigurationTarget.Global);
  }

  /** Settings read when the worker starts: changing one restarts it. */
  static affectsWorker(e: vscode.ConfigurationChangeEvent): boolean {
    return e.affectsConfiguration(`${SECTION}.backend`) || e.affectsConfiguration(`${SECTION}.worker.memoryLimitMB`);
  }
}

function positive(n: number | undefined): number | undefined {
  return n && n > 0 ? Math.floor(n) : undefined;
}

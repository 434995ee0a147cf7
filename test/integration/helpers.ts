import * as assert from 'assert';
import * as vscode from 'vscode';
import type {KerasWorkbenchApi} from '../../src/extension/main';

export const EXTENSION_ID = 'keras-workbench.keras-workbench';

export async function activeApi(): Promise<KerasWorkbenchApi> {
  const ext = vscode.extensions.getExtension<KerasWorkbenchApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is installed`);
  return ext.activate();
}

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests run in a workspace folder');
  return folder.uri.fsPath;
}

/** Sets workspace settings for the duration of `fn`. */
export async function withSettings<T>(values: Record<string, unknown>, fn: () => Promise<T>): Promise<T> {
  const config = vscode.workspace.getConfiguration('kerasWorkbench');
  const before = Object.fromEntries(Object.keys(values).map((k) => [k, config.inspect(k)?.workspaceValue]));
  for (const [k, v] of Object.entries(values)) await config.update(k, v, vscode.ConfigurationTarget.Workspace);
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(before)) await config.update(k, v, vscode.ConfigurationTarget.Workspace);
  }
}

export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

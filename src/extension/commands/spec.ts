/**
 * Keras: New Training Spec — writes the reference MNIST CNN spec into the workspace and opens it;
 * and the spec picker of the commands that run on a spec.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import * as msg from '../../protocol/messages';
import type {Ctx} from '../context';
import {isTrainSpec} from '../format';
import {errorLine} from '../../common/errors';

export function newTrainingSpec(ctx: Ctx) {
  return async (): Promise<vscode.Uri | undefined> => {
    const root = ctx.workspaceRoot(vscode.window.activeTextEditor?.document.uri);
    if (!root) {
      void vscode.window.showErrorMessage('Open a folder first: the training spec is written into the workspace.');
      return undefined;
    }
    let text: string;
    try {
      text = await ctx.client.sendRequest(msg.referenceSpec, {});
    } catch (e) {
      ctx.showError(`Cannot get the reference spec: ${errorLine(e)}`);
      return undefined;
    }
    // The extension validates *.train.json through its jsonValidation contribution; a relative
    // "$schema" pointing into this repository would not resolve in the user's workspace.
    text = text.replace(/^\s*"\$schema"\s*:\s*"[^"]*",?\s*\n/m, '');
    const target = vscode.Uri.file(freeName(root, 'mnist-cnn', '.train.json'));
    await vscode.workspace.fs.writeFile(target, Buffer.from(text, 'utf8'));
    await vscode.window.showTextDocument(target);
    return target;
  };
}

function freeName(dir: string, stem: string, ext: string): string {
  for (let i = 1; ; i++) {
    const candidate = path.join(dir, `${stem}${i === 1 ? '' : `-${i}`}${ext}`);
    if (!fs.existsSync(candidate)) return candidate;
  }
}

/**
 * The spec a command runs on: its argument, else the active editor's spec, else one picked from the
 * workspace's specs; `whenNone` tells the user when the workspace has none.
 */
export async function pickSpec(arg: vscode.Uri | undefined, picker: {title: string; placeHolder: string}, whenNone: () => Promise<void>): Promise<vscode.Uri | undefined> {
  if (arg instanceof vscode.Uri && isTrainSpec(arg.fsPath)) return arg;
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active && isTrainSpec(active.fsPath)) return active;
  const specs = await vscode.workspace.findFiles('**/*.train.json', '**/node_modules/**', 200);
  if (specs.length === 0) {
    await whenNone();
    return undefined;
  }
  const items = specs
    .map((uri) => ({label: path.basename(uri.fsPath), description: vscode.workspace.asRelativePath(uri, true), uri}))
    .sort((a, b) => a.description.localeCompare(b.description));
  return (await vscode.window.showQuickPick(items, picker))?.uri;
}

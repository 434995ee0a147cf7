/**
 * Keras: Export Training Script. The worker turns the spec into a Keras 3 script (building the
 * model needs TensorFlow.js, which stays out of the extension host); the script is written next
 * to the spec after asking before replacing a file, and opened.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import * as msg from '../../protocol/messages';
import type {Ctx} from '../context';
import {pickSpec} from './spec';
import {errorLine} from '../../common/errors';

export function exportTrainingScript(ctx: Ctx) {
  return async (arg?: vscode.Uri, options?: {distributed?: boolean; replace?: boolean}): Promise<vscode.Uri | undefined> => {
    const spec = await pickSpec(arg, {title: 'Export Training Script', placeHolder: 'Training spec to export'}, async () => {
      void vscode.window.showInformationMessage('No training spec (*.train.json) in this workspace to export.');
    });
    if (!spec) return undefined;
    const root = ctx.workspaceRoot(spec);
    if (!root) {
      ctx.showError(`${spec.fsPath} is not inside an open workspace folder: open its folder to export it.`);
      return undefined;
    }
    let distributed = options?.distributed;
    if (distributed === undefined) {
      const picked = await vscode.window.showQuickPick([
        {label: 'One machine', description: 'every local device, any Keras backend', distributed: false},
        {label: 'Distributed', description: 'JAX backend, DataParallel over every device of every host (multi-host set-up from environment variables)', distributed: true},
      ], {title: 'Export Training Script', placeHolder: 'Where will the script run?'});
      if (!picked) return undefined;
      distributed = picked.distributed;
    }
    await vscode.workspace.textDocuments.find((d) => d.uri.toString() === spec.toString() && d.isDirty)?.save();
    try {
      const {script, scriptPath} = await vscode.window.withProgress(
        {location: vscode.ProgressLocation.Notification, title: `Keras: exporting ${path.basename(spec.fsPath)}…`},
        () => ctx.client.sendRequest(msg.exportKerasScript, {specPath: spec.fsPath, workspaceRoot: root, distributed: distributed!}));
      const uri = vscode.Uri.file(scriptPath);
      if (fs.existsSync(scriptPath) && !options?.replace) {
        const replace = 'Replace';
        const choice = await vscode.window.showWarningMessage(`${vscode.workspace.asRelativePath(uri)} already exists. Replace it?`,
          {modal: true, detail: 'The exported training script is written next to the spec.'}, replace);
        if (choice !== replace) return undefined;
      }
      await vscode.workspace.fs.writeFile(uri, Buffer.from(script, 'utf8'));
      ctx.log.info(`Exported ${vscode.workspace.asRelativePath(spec)} to ${vscode.workspace.asRelativePath(uri)}${distributed ? ' (distributed)' : ''}.`);
      await vscode.window.showTextDocument(uri);
      return uri;
    } catch (e) {
      ctx.showError(`Cannot export ${path.basename(spec.fsPath)}: ${errorLine(e)}`);
      return undefined;
    }
  };
}

/**
 * Keras: Load Model, Open Inspector and Save Model As…. Models are loaded in the worker (never in
 * the extension host); the extension keeps only their handles.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import * as msg from '../../protocol/messages';
import type {Ctx} from '../context';
import {failureMessage, modelKind} from '../format';
import {FORMAT_TABLE, MODEL_FILE_EXTENSIONS, MODEL_FOLDER_MARKERS, SAVE_FORMATS, WEIGHTS_ONLY_FILE, formatInfo} from '../../formats/table';
import {saveTargetProblem} from '../../formats/save-target';
import {openInspector} from '../inspector';
import {errorLine} from '../../common/errors';

/** Loads a model in the worker (or reuses a loaded one for the same path) and opens the inspector on it. */
export async function openModel(ctx: Ctx, uri: vscode.Uri, {reuse}: {reuse: boolean}): Promise<msg.ModelHandle | undefined> {
  if (WEIGHTS_ONLY_FILE.test(uri.fsPath)) return openWeights(ctx, uri);
  const handle = await modelHandle(ctx, uri, {reuse});
  if (handle) openInspector(ctx.extensionUri, ctx.client, handle);
  return handle;
}

/**
 * The worker's handle on the model at `uri` (a model file, a folder, or a folder's marker file):
 * with `reuse`, the one already loaded from that path, so that a file opened several times is
 * one model session; errors are shown, and give undefined.
 */
export async function modelHandle(ctx: Ctx, uri: vscode.Uri, {reuse}: {reuse: boolean}): Promise<msg.ModelHandle | undefined> {
  const target = normalizeModelPath(uri.fsPath);
  if (!target) {
    ctx.showError(`${uri.fsPath} is not a Keras model: expected ${MODEL_KINDS}.`);
    return undefined;
  }
  const modelPath = target.path;
  let handle = reuse ? [...ctx.models.values()].reverse().find((m) => m.path === modelPath) : undefined;
  if (!handle) {
    try {
      handle = await vscode.window.withProgress({
        location: vscode.ProgressLocation.Notification,
        title: `Loading ${vscode.workspace.asRelativePath(modelPath)}…`,
      }, () => ctx.client.sendRequest(msg.loadModel, {
        path: modelPath, compile: true, customObjectsModule: ctx.customObjectsModule(uri),
      }));
    } catch (e) {
      ctx.showError(failureMessage('Cannot load', modelPath, errorLine(e)));
      return undefined;
    }
    for (const warning of handle.warnings ?? []) void vscode.window.showWarningMessage(warning);
    ctx.rememberModel(handle);
    if (target.isFolder) ctx.modelFolders.add(modelPath);
  }
  return handle;
}

/**
 * A Keras 3 weights file holds no model: like Keras's load_weights, it needs the model it belongs
 * to, which the user names (its config JSON, or a model file with the same layers).
 */
async function openWeights(ctx: Ctx, weights: vscode.Uri): Promise<msg.ModelHandle | undefined> {
  const name = path.basename(weights.fsPath);
  const picked = await vscode.window.showOpenDialog({
    title: `Load ${name} onto which model? Choose its model config (model.to_json()) or a model with the same layers`,
    openLabel: `Load ${name} Onto It`,
    canSelectFiles: true,
    canSelectFolders: true,
    defaultUri: vscode.Uri.file(path.dirname(weights.fsPath)),
    filters: {'Model configs and models': ['json', 'pb', ...MODEL_FILE_EXTENSIONS], 'All files': ['*']},
  });
  const topology = picked?.[0];
  if (!topology) return undefined;
  const target = fs.existsSync(topology.fsPath) && MODEL_FOLDER_MARKERS.includes(path.basename(topology.fsPath))
    ? path.dirname(topology.fsPath) : topology.fsPath;
  let handle: msg.ModelHandle;
  try {
    handle = await vscode.window.withProgress({
      location: vscode.ProgressLocation.Notification,
      title: `Loading ${vscode.workspace.asRelativePath(weights.fsPath)} onto ${vscode.workspace.asRelativePath(target)}…`,
    }, () => ctx.client.sendRequest(msg.loadModel, {
      path: target, weights: weights.fsPath, compile: true, customObjectsModule: ctx.customObjectsModule(weights),
    }));
  } catch (e) {
    ctx.showError(failureMessage('Cannot load', weights.fsPath, errorLine(e)));
    return undefined;
  }
  for (const warning of handle.warnings ?? []) void vscode.window.showWarningMessage(warning);
  ctx.rememberModel(handle);
  openInspector(ctx.extensionUri, ctx.client, handle);
  return handle;
}

/** "a folder with model.json or saved_model.pb, or a .h5/.hdf5/.keras file", from the format table. */
const MODEL_KINDS = `a folder with ${MODEL_FOLDER_MARKERS.join(' or ')}, or a ${MODEL_FILE_EXTENSIONS.map((e) => `.${e}`).join('/')} file`;

/** A marker file (model.json, saved_model.pb) stands for its folder; folders need one; other model files are taken as they are. */
function normalizeModelPath(file: string): {path: string; isFolder: boolean} | undefined {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return undefined;
  }
  const kind = modelKind(file, stat.isDirectory());
  if (kind === 'folder') return MODEL_FOLDER_MARKERS.some((m) => fs.existsSync(path.join(file, m))) ? {path: file, isFolder: true} : undefined;
  if (kind === 'marker') return {path: path.dirname(file), isFolder: true};
  return kind ? {path: file, isFolder: false} : undefined;
}

async function askForModel(ctx: Ctx): Promise<vscode.Uri | undefined> {
  const root = ctx.workspaceRoot();
  const picked = await vscode.window.showOpenDialog({
    title: 'Load Keras Model',
    openLabel: 'Load Model',
    canSelectFiles: true,
    canSelectFolders: true,
    defaultUri: root ? vscode.Uri.file(path.join(root, ctx.config.defaultSaveFolder)) : undefined,
    filters: {'Keras models': ['json', 'pb', ...MODEL_FILE_EXTENSIONS], 'All files': ['*']},
  });
  return picked?.[0];
}

export function loadModel(ctx: Ctx) {
  return async (arg?: vscode.Uri): Promise<msg.ModelHandle | undefined> => {
    const uri = arg instanceof vscode.Uri ? arg : await askForModel(ctx);
    return uri ? openModel(ctx, uri, {reuse: false}) : undefined;
  };
}

export function openInspectorCommand(ctx: Ctx) {
  return async (arg?: vscode.Uri): Promise<msg.ModelHandle | undefined> => {
    if (arg instanceof vscode.Uri) return openModel(ctx, arg, {reuse: true});
    const handle = await pickLoadedModel(ctx, 'Open Inspector');
    if (handle) {
      openInspector(ctx.extensionUri, ctx.client, handle);
      return handle;
    }
    if (ctx.models.size > 0) return undefined; // the user dismissed the pick
    const uri = await askForModel(ctx);
    return uri ? openModel(ctx, uri, {reuse: true}) : undefined;
  };
}

async function pickLoadedModel(ctx: Ctx, title: string): Promise<msg.ModelHandle | undefined> {
  const loaded = [...ctx.models.values()].reverse();
  if (loaded.length <= 1) return loaded[0];
  const picked = await vscode.window.showQuickPick(loaded.map((m) => ({
    label: m.summary.modelName,
    description: vscode.workspace.asRelativePath(m.path),
    detail: `${m.summary.totalParams.toLocaleString('en-US')} params · ${m.format}`,
    handle: m,
  })), {title, placeHolder: 'Loaded model'});
  return picked?.handle;
}

const FORMATS: Array<vscode.QuickPickItem & {format: NonNullable<msg.SaveModelParams['format']>; extension: string}> = SAVE_FORMATS.map((id) => {
  const f = formatInfo(id);
  return {label: f.label, description: f.description, detail: f.keeps, format: id, extension: f.extensions[0] ?? ''};
});

/** Arguments for calling Save Model As… without its dialogs (tests, other extensions). */
export interface SaveModelArgs {
  modelId: string;
  path: string;
  format?: msg.SaveModelParams['format'];
}

export function saveModelAs(ctx: Ctx) {
  return async (args?: SaveModelArgs): Promise<string | undefined> => {
    const handle = args ? ctx.models.get(args.modelId) : await pickLoadedModel(ctx, 'Save Model As…');
    if (!handle) {
      void vscode.window.showInformationMessage('No model is loaded: use "Keras: Load Model" first.');
      return undefined;
    }
    const format = args ? FORMATS.find((f) => f.format === (args.format ?? 'tfjs'))
      : await vscode.window.showQuickPick(FORMATS, {title: 'Save Model As…', placeHolder: 'Format'});
    if (!format) return undefined;
    const target = args ? vscode.Uri.file(args.path) : await askForTarget(ctx, handle, format);
    if (!target) return undefined;
    // The worker checks again; checking here means never asking "Replace?" about something that will be refused.
    const problem = saveTargetProblem(target.fsPath, {workspaceRoot: ctx.workspaceRoot(target), format: format.format});
    if (problem) {
      ctx.showError(`Cannot save ${handle.summary.modelName}: ${target.fsPath}: ${problem}`);
      return undefined;
    }
    const exists = fs.existsSync(target.fsPath);
    if (exists) {
      const replace = 'Replace';
      const choice = await vscode.window.showWarningMessage(`${vscode.workspace.asRelativePath(target)} already exists. Replace it?`,
        {modal: true}, replace);
      if (choice !== replace) return undefined;
    }
    try {
      const saved = await vscode.window.withProgress({
        location: vscode.ProgressLocation.Notification, title: `Saving ${vscode.workspace.asRelativePath(target)}…`,
      }, () => ctx.client.sendRequest(msg.saveModel, {
        modelId: handle.modelId, path: target.fsPath, format: format.format, overwrite: exists, includeOptimizer: true,
        workspaceRoot: ctx.workspaceRoot(target),
      }));
      if (format.format === 'tfjs') ctx.modelFolders.add(saved.path);
      for (const warning of saved.warnings ?? []) void vscode.window.showWarningMessage(`${vscode.workspace.asRelativePath(saved.path)}: ${warning}`);
      const reveal = 'Reveal in Explorer';
      void vscode.window.showInformationMessage(`Saved ${handle.summary.modelName} to ${vscode.workspace.asRelativePath(saved.path)}.`, reveal)
        .then((choice) => choice && vscode.commands.executeCommand('revealInExplorer', vscode.Uri.file(saved.path)));
      return saved.path;
    } catch (e) {
      ctx.showError(failureMessage(`Cannot save ${handle.summary.modelName} to`, target.fsPath, errorLine(e)));
      return undefined;
    }
  };
}

function askForTarget(ctx: Ctx, handle: msg.ModelHandle, format: (typeof FORMATS)[number]): Thenable<vscode.Uri | undefined> {
  const root = ctx.workspaceRoot(vscode.Uri.file(handle.path)) ?? path.dirname(handle.path);
  const lower = handle.path.toLowerCase();
  const ext = FORMAT_TABLE.flatMap((f) => [...f.extensions]).find((e) => lower.endsWith(e)) ?? '';
  const base = path.basename(handle.path).slice(0, path.basename(handle.path).length - ext.length);
  return vscode.window.showSaveDialog({
    title: `Save ${handle.summary.modelName} as ${format.label}`,
    saveLabel: 'Save Model',
    defaultUri: vscode.Uri.file(path.join(root, ctx.config.defaultSaveFolder, `${base}-copy${format.extension}`)),
    filters: format.extension ? {[format.label]: [format.extension.slice(1)]} : undefined,
  });
}

/**
 * The worker's own requests: backend, specs, loading and saving (training has its own set). Each
 * one calls the engine; nothing here knows about VS Code.
 */
import * as fs from 'fs';
import {MessageConnection} from 'vscode-jsonrpc';
import {initBackend} from '../engine/backend';
import {openModel} from '../engine/models';
import {REFERENCE_SPEC} from '../engine/spec/reference';
import {readTrainSpec} from '../engine/spec/spec';
import {trainingTarget} from '../engine/training/target';
import {saveModel, saveTarget} from '../formats';
import {checkDataConfinement, untrustedWorkspaceRule} from '../engine/data/dataset';
import {refuseSpecWithErrors} from '../engine/analysis/spec-analysis';
import {relocateMetadata} from '../engine/session/data-location';
import * as msg from '../protocol/messages';
import {ModelStore} from './model-store';
import {HandlerSet, handle} from './handler-set';

let backendPreference: msg.InitializeParams['backendPreference'] = 'auto';
let backend: Promise<msg.BackendInfo> | undefined;
let workspaceRoots: string[] = [];

/** The backend the last `initialize` request asked for. */
export function backendChoice(): msg.InitializeParams['backendPreference'] {
  return backendPreference;
}

/** Initializes the backend once, with the preference of the last `initialize` request. */
export function ensureBackend(): Promise<msg.BackendInfo> {
  if (!backend) backend = initBackend(backendPreference);
  return backend;
}

export const registerCoreHandlers: HandlerSet = (connection: MessageConnection, models: ModelStore) => {
  const logLine = (message: string, level: msg.LogParams['level'] = 'info') =>
    void connection.sendNotification(msg.log, {level, message});

  handle(connection, msg.initialize, async ({backendPreference: preference, workspaceRoots: roots}) => {
    backendPreference = preference;
    workspaceRoots = roots ?? [];
    const info = await ensureBackend();
    logLine(`Backend: ${info.description}${info.advice ? ` (${info.advice})` : ''}`);
    return info;
  });

  handle(connection, msg.referenceSpec, async () => REFERENCE_SPEC);

  handle(connection, msg.describeSpec, async ({specPath, workspaceRoot, workspaceTrusted}) => {
    const spec = readTrainSpec(specPath);
    // The analysis below reads data headers: an untrusted workspace's paths are checked first.
    if (workspaceTrusted === false) checkDataConfinement(spec.data, workspaceRoot, untrustedWorkspaceRule(workspaceRoot));
    // A spec with errors (its save.path's included) is refused here, before the overwrite question and before any data loads.
    refuseSpecWithErrors(spec, specPath, {workspaceRoot});
    const {model: target} = trainingTarget(spec.save, specPath, spec.data, {workspaceRoot});
    return {
      name: spec.name,
      savePath: target.path,
      format: target.format,
      overwrite: target.overwrite,
      epochs: spec.fit.epochs,
      targetExists: fs.existsSync(target.path),
    };
  });

  handle(connection, msg.loadModel, async ({path: modelPath, weights, compile, customObjectsModule}) => {
    await ensureBackend();
    const {handle: loaded} = models.add(await openModel(modelPath, {compile: compile ?? true, weights, customObjectsModule, workspaceRoots}));
    for (const warning of loaded.warnings ?? []) logLine(warning, 'warn');
    logLine(`Loaded ${modelPath}${weights ? ` with the weights of ${weights}` : ''} (${loaded.summary.totalParams.toLocaleString('en-US')} params) as ${loaded.modelId}`);
    return loaded;
  });

  handle(connection, msg.saveModel, async ({modelId, path: target, format, overwrite, includeOptimizer, workspaceRoot}) => {
    const {model, handle: loaded} = models.require(modelId);
    // The model's dataset, preprocessing and history go with it (its data paths rewritten for the new place).
    const roots = workspaceRoot ? [workspaceRoot, ...workspaceRoots] : workspaceRoots;
    const metadata = relocateMetadata(model.getUserDefinedMetadata() as Record<string, unknown> | undefined, loaded.path, target, roots);
    const warnings: string[] = [];
    await saveModel(model, saveTarget(target, {format, overwrite, includeOptimizer, workspaceRoot}),
      {history: loaded.history, metadata: metadata as Record<string, {}> | undefined, onWarning: (w) => warnings.push(w)});
    logLine(`Saved ${modelId} to ${target}`);
    warnings.forEach((w) => logLine(`Warning: ${w}`, 'warn'));
    return {path: target, ...(warnings.length ? {warnings} : {})};
  });

  handle(connection, msg.disposeModel, async ({modelId}) => {
    models.release(modelId);
  });
};

/**
 * The worker's own requests: backend, training, loading and saving. Each one calls the engine;
 * nothing here knows about VS Code.
 */
import * as fs from 'fs';
import {MessageConnection} from 'vscode-jsonrpc';
import {initBackend} from '../engine/backend';
import {openModel} from '../engine/models';
import {REFERENCE_SPEC} from '../engine/spec/reference';
import {readTrainSpec, resolveInside} from '../engine/spec/spec';
import {trainFromSpec} from '../engine/training/trainer';
import {saveModel} from '../formats';
import {checkDataConfinement, untrustedWorkspaceRule} from '../engine/data/dataset';
import {refuseSpecWithErrors} from '../engine/analysis/spec-analysis';
import {loadCustomObjectsModule} from '../keras/custom-objects';
import {relocateMetadata} from '../engine/session/data-location';
import * as msg from '../protocol/messages';
import {ModelStore} from './model-store';
import {HandlerSet, handle} from './handler-set';

let backendPreference: msg.InitializeParams['backendPreference'] = 'auto';
let backend: Promise<msg.BackendInfo> | undefined;
let workspaceRoots: string[] = [];

/** Initializes the backend once, with the preference of the last `initialize` request. */
export function ensureBackend(): Promise<msg.BackendInfo> {
  if (!backend) backend = initBackend(backendPreference);
  return backend;
}

export const registerCoreHandlers: HandlerSet = (connection: MessageConnection, models: ModelStore) => {
  const runs = new Map<string, AbortController>();
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

  handle(connection, msg.describeSpec, async ({specPath, workspaceRoot, out, workspaceTrusted}) => {
    const spec = readTrainSpec(specPath);
    // The analysis below reads data headers: an untrusted workspace's paths are checked first.
    if (workspaceTrusted === false) checkDataConfinement(spec.data, workspaceRoot, untrustedWorkspaceRule(workspaceRoot));
    // A spec with errors is refused here, before the overwrite question and before any data loads.
    refuseSpecWithErrors(spec, specPath, {workspaceRoot, saveOverridden: out !== undefined && out !== spec.save.path});
    const savePath = resolveInside(workspaceRoot, out ?? spec.save.path, specPath, out ? 'out' : 'save.path');
    return {
      name: spec.name,
      savePath,
      format: spec.save.format ?? 'tfjs',
      overwrite: spec.save.overwrite,
      epochs: spec.fit.epochs,
      targetExists: fs.existsSync(savePath),
    };
  });

  handle(connection, msg.train, async (params) => {
    if (runs.size > 0) throw new Error('A training run is already in progress in this worker.');
    await ensureBackend();
    const spec = readTrainSpec(params.specPath);
    const abort = new AbortController();
    runs.set(params.runId, abort);
    try {
      return await trainFromSpec(spec, params.specPath, {
        workspaceRoot: params.workspaceRoot,
        runId: params.runId,
        epochs: params.epochs,
        limit: params.limit,
        resume: params.resume,
        out: params.out,
        overwrite: params.overwrite,
        backend: backendPreference,
        customObjects: params.customObjectsModule ? loadCustomObjectsModule(params.customObjectsModule) : undefined,
        workspaceTrusted: params.workspaceTrusted,
        signal: abort.signal,
        onProgress: (p) => void connection.sendNotification(msg.trainProgress, {...p, runId: params.runId}),
        onLog: (line) => logLine(line),
      });
    } finally {
      runs.delete(params.runId);
    }
  });

  handle(connection, msg.cancelTraining, async ({runId}) => {
    const run = runs.get(runId);
    if (!run) return false;
    run.abort();
    logLine('Cancel requested: training stops after the current batch.');
    return true;
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
    await saveModel(model, target, {overwrite, includeOptimizer, saveFormat: format ?? 'tfjs', workspaceRoot,
      history: loaded.history, metadata: metadata as Record<string, {}> | undefined, onWarning: (w) => warnings.push(w)});
    logLine(`Saved ${modelId} to ${target}`);
    warnings.forEach((w) => logLine(`Warning: ${w}`, 'warn'));
    return {path: target, ...(warnings.length ? {warnings} : {})};
  });

  handle(connection, msg.disposeModel, async ({modelId}) => {
    models.release(modelId);
  });
};

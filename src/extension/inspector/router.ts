/**
 * Forwards the webview's requests to the worker. The webview names a method from a fixed list;
 * the router adds the panel's model id and answers with the worker's result or error message.
 * No vscode import, so the browser tests drive the very same code.
 */
import type {RequestType} from 'vscode-jsonrpc';
import {
  activations, evaluate, explainSample, layerConfig, predictFiles, predictPixels, predictSample, samplePage, setDataset, watchTrainingSample, weightStats,
  type DatasetChoice, type HostToWebview, type InspectorMethod, type InspectorRequestMap, type InspectorSubject, type TrainActivations,
  type TrainProgress, type WebviewToHost,
} from '../../protocol/messages';
import {errorLine} from '../../common/errors';

export interface InspectorClient {
  sendRequest<P, R>(type: RequestType<P, R, void>, params: P): Promise<R>;
  onTrainProgress(listener: (p: TrainProgress) => void): {dispose(): void};
  /** Progress of a whole-test-set evaluation; optional for clients that do not forward it. */
  onEvaluateProgress?(listener: (p: {modelId: string; done: number; total: number}) => void): {dispose(): void};
  /** A training run's watched sample at each epoch end; optional for clients that do not forward it. */
  onTrainActivations?(listener: (a: TrainActivations) => void): {dispose(): void};
  /** The worker stopped (a run going in it is over); optional for clients without a process. */
  onExit?(listener: () => void): {dispose(): void};
}

type RequestTable = Partial<Record<InspectorMethod, RequestType<never, unknown, void>>>;

/** Worker requests about the panel's model, by the webview's method name; `exportCsv` is the host's own (a save dialog). */
const REQUESTS: RequestTable = {
  weightStats, layerConfig, predictSample, samplePage, predictPixels, evaluate, predictFiles, setDataset, activations, explain: explainSample,
} as unknown as RequestTable;

/** Worker requests about the panel's training run: the router adds the run id, not the model id. */
const RUN_REQUESTS: RequestTable = {watchSample: watchTrainingSample} as unknown as RequestTable;

const entry = (table: RequestTable, method: InspectorMethod) => (Object.prototype.hasOwnProperty.call(table, method) ? table[method] : undefined);

export interface RouterHooks {
  post(message: HostToWebview): void;
  /** The model the panel shows now (it changes when a training panel gets its saved model). */
  modelId(): string | undefined;
  /**
   * What the panel shows now. A webview that (re)loads says 'ready' and gets it: a hidden panel
   * is reloaded from its first HTML when shown again, and misses the subjects posted meanwhile
   * (a training run's saved model).
   */
  subject?(): InspectorSubject | undefined;
  /**
   * Whether the panel's training run is going in this worker: requests about a run that is over
   * (a panel restored after a reload) are answered here, without starting a worker for them.
   */
  trainingInProgress?(): boolean;
  onReady?(): void;
  onMark?(name: string, at: number): void;
  /** Asks the user for files (VS Code's open dialog); undefined when cancelled. */
  pickFiles?(purpose: 'predict' | 'dataset'): Promise<string[] | undefined>;
  /** The dataset chosen for the panel's model, remembered by model path (workspace state), and read back. */
  rememberDataset?(modelPath: string, choice: DatasetChoice): void;
  recallDataset?(modelPath: string): DatasetChoice | undefined;
  /** The path of the panel's model, for remembering its dataset. */
  modelPath?(): string | undefined;
  /** Asks where to save a text file and writes it; the path, or undefined when cancelled. */
  saveText?(name: string, text: string): Promise<string | undefined>;
}

type Params<M extends InspectorMethod> = InspectorRequestMap[M]['params'];

export function createInspectorRouter(client: InspectorClient, hooks: RouterHooks): (message: WebviewToHost) => Promise<void> {
  // The remembered dataset of a model is given back to the worker before the panel's first request for it.
  const restored = new Map<string, Promise<void>>();
  const restore = (modelId: string): Promise<void> => {
    let done = restored.get(modelId);
    if (!done) {
      const path = hooks.modelPath?.();
      const choice = path ? hooks.recallDataset?.(path) : undefined;
      done = choice && choice.kind !== 'none'
        ? client.sendRequest(setDataset, {modelId, dataset: choice}).then(() => undefined, () => undefined)
        : Promise.resolve();
      restored.set(modelId, done);
    }
    return done;
  };
  /** Host-side steps of a request before (or instead of) the worker: file pickers, the save dialog. Returns the params to forward, or a final result. */
  const prepare = async (method: InspectorMethod, params: Record<string, unknown>): Promise<{forward: Record<string, unknown>} | {result: unknown}> => {
    if (method === 'exportCsv') {
      const {name, text} = params as Params<'exportCsv'>;
      if (!hooks.saveText) throw new Error('Saving files is not available here.');
      return {result: (await hooks.saveText(String(name), String(text))) ?? null};
    }
    if (method === 'predictFiles') {
      const p = params as Params<'predictFiles'>;
      if (!p.paths?.length && !p.files?.length) {
        const paths = await hooks.pickFiles?.('predict');
        if (!paths?.length) return {result: null};
        return {forward: {...params, paths}};
      }
    }
    if (method === 'setDataset') {
      const p = params as Params<'setDataset'>;
      if (p.dataset?.kind === 'files' && !p.dataset.paths?.length) {
        const paths = await hooks.pickFiles?.('dataset');
        if (!paths?.length) return {result: null};
        return {forward: {...params, dataset: {kind: 'files', paths}}};
      }
    }
    return {forward: params};
  };
  return async (message) => {
    switch (message?.type) {
      case 'ready': {
        const subject = hooks.subject?.();
        if (subject) hooks.post({type: 'subject', subject});
        hooks.onReady?.();
        return;
      }
      case 'mark':
        hooks.onMark?.(message.name, message.at);
        return;
      case 'request': {
        const {id, method, params} = message;
        try {
          const runType = entry(RUN_REQUESTS, method);
          if (runType) {
            const subject = hooks.subject?.();
            if (subject?.kind !== 'training') throw new Error('This panel follows no training run.');
            if (hooks.trainingInProgress?.() === false) throw new Error('The training run of this panel is over: its activations are no longer computed.');
            const forward = typeof params === 'object' && params ? params : {};
            hooks.post({type: 'response', id, result: await client.sendRequest(runType as RequestType<unknown, unknown, void>, {...forward, runId: subject.runId})});
            return;
          }
          const type = entry(REQUESTS, method);
          if (!type && method !== 'exportCsv') throw new Error(`The inspector asked for an unknown request "${String(method)}".`);
          const modelId = hooks.modelId();
          if (!modelId) throw new Error('This panel has no loaded model yet.');
          await restore(modelId);
          const step = await prepare(method, typeof params === 'object' && params ? params as Record<string, unknown> : {});
          if ('result' in step) {
            hooks.post({type: 'response', id, result: step.result});
            return;
          }
          const args = {...step.forward, modelId};
          const result = await client.sendRequest(type as RequestType<unknown, unknown, void>, args);
          if (method === 'setDataset') {
            const path = hooks.modelPath?.();
            if (path) hooks.rememberDataset?.(path, (args as unknown as Params<'setDataset'>).dataset as DatasetChoice);
          }
          hooks.post({type: 'response', id, result});
        } catch (e) {
          hooks.post({type: 'response', id, error: errorLine(e)});
        }
        return;
      }
    }
  };
}

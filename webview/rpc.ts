/**
 * The webview's side of the conversation with the extension host: typed requests that the host
 * forwards to the worker, host notifications, and the persisted panel state.
 */
import type {
  EvaluationResult, FilePredictionResult,
  HostToWebview, InspectorMethod, InspectorRequestMap, InspectorSubject, TrainActivations, TrainProgress, WebviewToHost,
} from '../src/protocol/messages';

interface VsCodeApi {
  postMessage(message: WebviewToHost): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();
let nextId = 1;
const pending = new Map<number, {resolve(v: unknown): void; reject(e: Error): void}>();

type Listener<T> = (value: T) => void;
const subjectListeners = new Set<Listener<InspectorSubject>>();
const progressListeners = new Set<Listener<TrainProgress>>();
const activationListeners = new Set<Listener<TrainActivations>>();
const evaluateListeners = new Set<Listener<{done: number; total: number}>>();

export function request<M extends InspectorMethod>(method: M, params: InspectorRequestMap[M]['params']): Promise<InspectorRequestMap[M]['result']> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, {resolve: resolve as (v: unknown) => void, reject});
    api.postMessage({type: 'request', id, method, params});
  });
}

export function onSubject(l: Listener<InspectorSubject>): void { subjectListeners.add(l); }
export function onTrainProgress(l: Listener<TrainProgress>): void { progressListeners.add(l); }
export function onTrainActivations(l: Listener<TrainActivations>): void { activationListeners.add(l); }
export function onEvaluateProgress(l: Listener<{done: number; total: number}>): void { evaluateListeners.add(l); }

window.addEventListener('message', (event: MessageEvent) => {
  const m = event.data as HostToWebview;
  switch (m?.type) {
    case 'response': {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      if (m.error !== undefined) p.reject(new Error(m.error));
      else p.resolve(m.result);
      break;
    }
    case 'subject': subjectListeners.forEach((l) => l(m.subject)); break;
    case 'trainProgress': progressListeners.forEach((l) => l(m.progress)); break;
    case 'trainActivations': activationListeners.forEach((l) => l(m.activations)); break;
    case 'evaluateProgress': evaluateListeners.forEach((l) => l({done: m.done, total: m.total})); break;
  }
});

export function ready(): void {
  api.postMessage({type: 'ready'});
}

export function mark(name: string): void {
  api.postMessage({type: 'mark', name, at: performance.now()});
}

// ---------------------------------------------------------------- persisted state

export interface TrainingSeries {
  /** x in fractional epochs: batch b of epoch e is e - 1 + b / batches; epoch results sit at x = e. */
  x: number[];
  /** metric name -> values aligned with x (null where the metric has no value). */
  batch: Record<string, Array<number | null>>;
  epoch: Record<string, Array<number | null>>;
  last?: TrainProgress;
  finished: boolean;
}

/** The Training tab's watched sample. */
export interface WatchState {
  runId: string;
  /** The test sample picked (watched from the next epoch end on). */
  index: number;
  layer?: string;
  /** The last epoch end's activations, kept once the run ended (the worker forgets the run). */
  final?: TrainActivations;
}

export interface PanelState {
  subject?: InspectorSubject;
  tab: number;
  sampleIndex: number;
  pageOffset: number;
  onlyMisclassified: boolean;
  expandedLayers: string[];
  training?: TrainingSeries;
  evaluation?: EvaluationResult;
  /** The last results of "Predict files…": a hidden panel is reloaded when shown again, and they must stay. */
  filePredictions?: FilePredictionResult;
  /** The layer whose activations the Layers tab shows. */
  activationLayer?: string;
  watch?: WatchState;
}

const defaults: PanelState = {tab: 0, sampleIndex: 0, pageOffset: 0, onlyMisclassified: false, expandedLayers: []};
let state: PanelState = {...defaults, ...(api.getState() as Partial<PanelState> | undefined)};

export function getState(): PanelState {
  return state;
}

export function updateState(patch: Partial<PanelState>): void {
  state = {...state, ...patch};
  api.setState(state);
}

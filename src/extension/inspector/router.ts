/**
 * Forwards the webview's requests to the worker. The webview names a method from a fixed list;
 * the router adds the panel's model id and answers with the worker's result or error message.
 * No vscode import, so the browser tests drive the very same code.
 */
import type {RequestType} from 'vscode-jsonrpc';
import {
  evaluate, layerConfig, predictPixels, predictSample, samplePage, weightStats,
  type HostToWebview, type InspectorMethod, type InspectorSubject, type TrainProgress, type WebviewToHost,
} from '../../protocol/messages';

export interface InspectorClient {
  sendRequest<P, R>(type: RequestType<P, R, void>, params: P): Promise<R>;
  onTrainProgress(listener: (p: TrainProgress) => void): {dispose(): void};
  /** Progress of a whole-test-set evaluation; optional for clients that do not forward it. */
  onEvaluateProgress?(listener: (p: {modelId: string; done: number; total: number}) => void): {dispose(): void};
}

const REQUESTS: Record<InspectorMethod, RequestType<never, unknown, void>> = {
  weightStats, layerConfig, predictSample, samplePage, predictPixels, evaluate,
} as unknown as Record<InspectorMethod, RequestType<never, unknown, void>>;

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
  onReady?(): void;
  onMark?(name: string, at: number): void;
}

export function createInspectorRouter(client: InspectorClient, hooks: RouterHooks): (message: WebviewToHost) => Promise<void> {
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
          const type = Object.prototype.hasOwnProperty.call(REQUESTS, method) ? REQUESTS[method] : undefined;
          if (!type) throw new Error(`The inspector asked for an unknown request "${String(method)}".`);
          const modelId = hooks.modelId();
          if (!modelId) throw new Error('This panel has no loaded model yet.');
          const args = {...(typeof params === 'object' && params ? params : {}), modelId};
          const result = await client.sendRequest(type as RequestType<unknown, unknown, void>, args);
          hooks.post({type: 'response', id, result});
        } catch (e) {
          hooks.post({type: 'response', id, error: e instanceof Error ? e.message : String(e)});
        }
        return;
      }
    }
  };
}

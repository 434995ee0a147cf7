/**
 * The worker's side of the protocol inside this process: a real vscode-jsonrpc connection pair
 * over in-memory streams, with the worker's inspector handlers on one end and the given models
 * in its store. Tests and the benchmark talk to the returned client connection exactly as the
 * extension host talks to the worker.
 */
import {PassThrough} from 'node:stream';
import {createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection} from 'vscode-jsonrpc/node';
import type {LoadedModel} from '../engine/models';
import {ModelStore} from '../worker/model-store';
import {registerInspectorHandlers} from '../worker/inspector-handlers';
import type {HandlerSet} from '../worker/handler-set';

/** `more`: further handler groups of the worker (the explanations'), sharing the same store. */
export function inProcessWorker(loaded: LoadedModel[], more: HandlerSet[] = []): {client: MessageConnection; dispose(): void} {
  const toWorker = new PassThrough(), toClient = new PassThrough();
  const worker = createMessageConnection(new StreamMessageReader(toWorker), new StreamMessageWriter(toClient));
  const client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toWorker));
  const models = new ModelStore();
  for (const model of loaded) models.add(model);
  registerInspectorHandlers(worker, models);
  for (const register of more) register(worker, models);
  worker.listen();
  client.listen();
  return {client, dispose: () => { client.dispose(); worker.dispose(); }};
}

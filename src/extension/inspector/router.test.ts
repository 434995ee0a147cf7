import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {RequestType} from 'vscode-jsonrpc';
import type {HostToWebview, InspectorSubject, ModelHandle} from '../../protocol/messages';
import {createInspectorRouter, type InspectorClient} from './router';

function recordingClient(answer: (method: string, params: unknown) => unknown): {client: InspectorClient; calls: Array<[string, unknown]>} {
  const calls: Array<[string, unknown]> = [];
  const client: InspectorClient = {
    async sendRequest<P, R>(type: RequestType<P, R, void>, params: P): Promise<R> {
      calls.push([type.method, params]);
      return answer(type.method, params) as R;
    },
    onTrainProgress: () => ({dispose() {}}),
  };
  return {client, calls};
}

test('requests get the panel model id and the worker method; answers keep the request id', async () => {
  const {client, calls} = recordingClient((m) => (m === 'workbench/predictSample' ? {index: 788, predicted: 9, probabilities: []} : null));
  const posted: HostToWebview[] = [];
  const route = createInspectorRouter(client, {post: (m) => posted.push(m), modelId: () => 'model-7'});
  await route({type: 'request', id: 3, method: 'predictSample', params: {index: 788, modelId: 'other'}});
  assert.deepEqual(calls, [['workbench/predictSample', {index: 788, modelId: 'model-7'}]]);
  assert.deepEqual(posted, [{type: 'response', id: 3, result: {index: 788, predicted: 9, probabilities: []}}]);
});

test('unknown methods, a missing model and worker errors come back as error messages', async () => {
  const {client, calls} = recordingClient(() => { throw new Error('Sample index 10000 is outside the test set (0..9999).'); });
  const posted: HostToWebview[] = [];
  let modelId: string | undefined = undefined;
  const route = createInspectorRouter(client, {post: (m) => posted.push(m), modelId: () => modelId});
  await route({type: 'request', id: 1, method: 'saveModel' as never, params: {}});
  await route({type: 'request', id: 2, method: 'toString' as never, params: {}});
  await route({type: 'request', id: 3, method: 'weightStats', params: {}});
  modelId = 'm';
  await route({type: 'request', id: 4, method: 'predictSample', params: {index: 10000}});
  assert.equal(calls.length, 1);
  assert.deepEqual(posted.map((p) => p.type === 'response' && [p.id, p.error]), [
    [1, 'The inspector asked for an unknown request "saveModel".'],
    [2, 'The inspector asked for an unknown request "toString".'],
    [3, 'This panel has no loaded model yet.'],
    [4, 'Sample index 10000 is outside the test set (0..9999).'],
  ]);
});

test('host steps: file pickers, a remembered dataset given back before the first request, the CSV save dialog', async () => {
  const {client, calls} = recordingClient((m) => (m === 'workbench/setDataset' ? {name: 'mnist', count: 10000} : {kind: 'classes', items: []}));
  const posted: HostToWebview[] = [];
  const memory = new Map<string, unknown>([['/ws/model.h5', {kind: 'files', paths: ['/ws/x.npy', '/ws/y.npy']}]]);
  let picked: string[] | undefined = ['/ws/a.png'];
  const saved: string[] = [];
  const route = createInspectorRouter(client, {
    post: (m) => posted.push(m), modelId: () => 'm1', modelPath: () => '/ws/model.h5',
    pickFiles: async () => picked,
    rememberDataset: (p, c) => void memory.set(p, c),
    recallDataset: (p) => memory.get(p) as never,
    saveText: async (name, text) => (saved.push(`${name}:${text}`), `/ws/${name}`),
  });
  await route({type: 'request', id: 1, method: 'predictFiles', params: {}});
  assert.deepEqual(calls, [
    ['workbench/setDataset', {modelId: 'm1', dataset: {kind: 'files', paths: ['/ws/x.npy', '/ws/y.npy']}}],
    ['workbench/predictFiles', {paths: ['/ws/a.png'], modelId: 'm1'}],
  ], 'the remembered dataset first, then the picked files');
  picked = undefined;
  await route({type: 'request', id: 2, method: 'predictFiles', params: {}});
  await route({type: 'request', id: 3, method: 'setDataset', params: {dataset: {kind: 'files'}}});
  assert.equal(calls.length, 2, 'a cancelled picker sends nothing to the worker');
  await route({type: 'request', id: 4, method: 'setDataset', params: {dataset: {kind: 'mnist'}}});
  assert.deepEqual(memory.get('/ws/model.h5'), {kind: 'mnist'});
  await route({type: 'request', id: 5, method: 'exportCsv', params: {name: 'p.csv', text: 'a,b\n'}});
  assert.deepEqual(saved, ['p.csv:a,b\n']);
  assert.deepEqual(posted.map((p) => p.type === 'response' && [p.id, p.result ?? null, p.error]), [
    [1, {kind: 'classes', items: []}, undefined], [2, null, undefined], [3, null, undefined],
    [4, {name: 'mnist', count: 10000}, undefined], [5, '/ws/p.csv', undefined],
  ]);
});

test("a (re)loaded webview's 'ready' gets the panel's current subject: a hidden training panel missed its saved model", async () => {
  const {client} = recordingClient(() => null);
  const posted: HostToWebview[] = [];
  let subject: InspectorSubject = {kind: 'training', runId: 'r1', title: 'mnist.train.json'};
  let readies = 0;
  const route = createInspectorRouter(client, {post: (m) => posted.push(m), modelId: () => subject.model?.modelId,
    subject: () => subject, onReady: () => readies++});
  await route({type: 'ready'});
  // The run ends while the panel is hidden: the host's subject now has the model.
  subject = {...subject, model: {modelId: 'm1'} as ModelHandle};
  await route({type: 'ready'});
  assert.deepEqual(posted, [
    {type: 'subject', subject: {kind: 'training', runId: 'r1', title: 'mnist.train.json'}},
    {type: 'subject', subject},
  ]);
  assert.equal(readies, 2);
});

test('a training run\'s requests get the run id of the panel, not a model id; a run that is over or a model panel sends nothing', async () => {
  const {client, calls} = recordingClient(() => ({sample: {index: 4, count: 300}}));
  const posted: HostToWebview[] = [];
  let subject: InspectorSubject = {kind: 'training', runId: 'r9', title: 'mnist.train.json'};
  let running = true;
  const route = createInspectorRouter(client, {post: (m) => posted.push(m), modelId: () => subject.model?.modelId, subject: () => subject,
    trainingInProgress: () => running});
  await route({type: 'request', id: 1, method: 'watchSample', params: {sample: 4, runId: 'other'}});
  running = false;
  await route({type: 'request', id: 2, method: 'watchSample', params: {sample: 4}});
  subject = {kind: 'model', model: {modelId: 'm1'} as ModelHandle};
  await route({type: 'request', id: 3, method: 'watchSample', params: {sample: 4}});
  assert.deepEqual(calls, [['workbench/watchTrainingSample', {sample: 4, runId: 'r9'}]]);
  assert.deepEqual(posted, [
    {type: 'response', id: 1, result: {sample: {index: 4, count: 300}}},
    {type: 'response', id: 2, error: 'The training run of this panel is over: its activations are no longer computed.'},
    {type: 'response', id: 3, error: 'This panel follows no training run.'},
  ]);
});

import {test} from 'node:test';
import assert from 'node:assert/strict';
import {graphProblem} from './declared-size';

// Found by the fuzz run (seed 11, savedmodel #1112): a functional layer whose top-level name was
// damaged made TensorFlow.js's builder wait forever for it.
test('a functional layer without its top-level name is a graph problem, not a hang', () => {
  const layer = (name: string | undefined, from?: string) => ({
    class_name: 'Dense', ...(name ? {name} : {}), config: {name: name ?? 'dense'},
    inbound_nodes: from ? [[[from, 0, 0, {}]]] : [],
  });
  const topology = (second: string | undefined) => ({class_name: 'Functional', config: {layers: [
    {class_name: 'InputLayer', name: 'input_1', config: {name: 'input_1'}, inbound_nodes: []},
    layer(second, 'input_1'), layer('dense_1', 'dense'),
  ]}});
  assert.equal(graphProblem(topology('dense')), undefined);
  assert.throws(() => graphProblem(topology(undefined)), /layer 1 \(Dense\) of a functional config has no name/);
});

import {test} from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import {parse as parseJsonc} from 'jsonc-parser';
import {parseSpecText, readTrainSpec, resolveInside, validateSpec} from './spec';
import {SpecError} from '../../common/errors';
import {REFERENCE_SPEC} from './reference';
import {REPO_ROOT} from '../../test-support/fixtures';

const EXAMPLE = path.join(REPO_ROOT, 'examples', 'mnist-cnn.train.json');
const reference = () => parseJsonc(REFERENCE_SPEC) as Record<string, any>;

function fieldOf(mutate: (spec: Record<string, any>) => void): string {
  const spec = reference();
  mutate(spec);
  try {
    validateSpec(spec, 'x.train.json');
  } catch (e) {
    assert.ok(e instanceof SpecError, `expected SpecError, got ${e}`);
    assert.ok(e.message.startsWith('x.train.json: '), e.message);
    return `${e.field} | ${e.message}`;
  }
  assert.fail('the spec was accepted');
}

test('the example spec is the reference configuration, with Keras defaults filled in', () => {
  assert.equal(fs.readFileSync(EXAMPLE, 'utf8'), REFERENCE_SPEC, 'New Training Spec writes the example file');
  const spec = readTrainSpec(EXAMPLE);
  assert.deepEqual(spec.fit, {batch_size: 150, epochs: 25, validation_split: 0.2, shuffle: true, seed: 1337, verbose: 1});
  assert.deepEqual(spec.compile, {optimizer: {class_name: 'adam'}, loss: 'sparse_categorical_crossentropy', metrics: ['accuracy']});
  assert.ok('layers' in spec.model);
  assert.deepEqual(spec.model.layers.map((l) => [l.type, l.filters ?? l.units ?? null, l.activation ?? null]), [
    ['Conv2D', 32, 'relu'], ['Conv2D', 64, 'relu'], ['Conv2D', 128, 'relu'], ['Flatten', null, null],
    ['Dense', 256, 'relu'], ['Dense', 10, 'softmax'],
  ]);
  assert.deepEqual(spec.save, {path: 'models/mnist-cnn', format: 'tfjs', overwrite: true, include_optimizer: true});
});

test('each validation error names the field', () => {
  assert.match(fieldOf((s) => (s.fit.batch_size = 0)), /^fit\.batch_size \| .*must be >= 1/);
  assert.match(fieldOf((s) => (s.fit.batch_size = 1.5)), /^fit\.batch_size \| .*must be integer/);
  assert.match(fieldOf((s) => (s.fit.validation_split = 1)), /^fit\.validation_split \| /);
  assert.match(fieldOf((s) => (s.fit.epoch = 3)), /^fit\.epoch \| .*is not a known setting/);
  assert.match(fieldOf((s) => (s.compile.loss = 'hinge')), /^compile\.loss \| .*must be one of: "sparse_categorical_crossentropy"/);
  assert.match(fieldOf((s) => delete s.save), /^save \| .*is required/);
  assert.match(fieldOf((s) => (s.model.layers[2].filters = undefined, delete s.model.layers[2].type)), /^model\.layers\[2\]\.type \| .*is required/);
  assert.match(fieldOf((s) => delete s.model.layers[0].input_shape), /^model\.layers\[0\]\.input_shape \| .*needs input_shape/);
  assert.match(fieldOf((s) => (s.data = {train: {csv: 'a.csv', label: 'y', extra: 1}})), /^data\.train\.extra \| /);
  assert.match(fieldOf((s) => (s.compile.optimizer = {class_name: 'adam', learning_rate: -1})), /^compile\.optimizer\.learning_rate \| /);
  assert.match(fieldOf((s) => (s.save.path = ' ')), /^save\.path \| .*must not be empty/);
});

test('invalid JSON reports line and column', () => {
  assert.throws(() => parseSpecText('{\n  "data": {\n  "x": }\n}', 'bad.train.json'),
    /bad\.train\.json: invalid JSON at line 3, column \d+: ValueExpected/);
});

test('comments and trailing commas are allowed', () => {
  const text = REFERENCE_SPEC.replace('"verbose": 1}', '"verbose": 2, /* quiet */}');
  assert.equal(parseSpecText(text, 'c.train.json').fit.verbose, 2);
});

test('paths that leave the workspace are refused', () => {
  assert.equal(resolveInside('/ws', 'models/a', 's.json', 'save.path'), path.resolve('/ws/models/a'));
  assert.throws(() => resolveInside('/ws', '../elsewhere', 's.json', 'save.path'), /s\.json: save\.path: '\.\.\/elsewhere' is outside the workspace/);
  assert.throws(() => resolveInside('/ws', '/etc/x', 's.json', 'save.path'), /outside the workspace/);
});

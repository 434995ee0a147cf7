import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {ComparedRun} from '../../src/protocol/runs';
import {confusionDifference, curves, finalValue, hyperparameterKeys, metricGroups, parallelAxes, rankingMetric, smooth} from './model';

function run(id: string, hyperparameters: ComparedRun['hyperparameters'], epochs: Array<Record<string, number>>, start = 1_700_000_000_000): ComparedRun {
  return {
    id, label: id, spec: 'a.train.json', status: 'finished', colour: 0, startTime: start, hyperparameters, hasSpec: true,
    epochs: epochs.map((logs, i) => ({epoch: i + 1, wallTime: start + (i + 1) * 2000, logs})),
  };
}

const close = (actual: Array<number | null>, expected: Array<number | null>) => {
  assert.equal(actual.length, expected.length);
  actual.forEach((v, i) => {
    const e = expected[i]!;
    if (e === null || v === null) assert.equal(v, e, `point ${i}`);
    else assert.ok(Math.abs(v - e) < 1e-12, `point ${i}: ${v} vs ${e}`);
  });
};

test('smoothing is the debiased exponential moving average: the first point is the value itself, not pulled to 0', () => {
  // weight 0.5: running averages 0.5, 1.25, 2.125 divided by 1 - 0.5^n = 0.5, 0.75, 0.875
  close(smooth([1, 2, 3], 0.5), [1, 1.25 / 0.75, 2.125 / 0.875]);
  // weight 0.9 on a step: far from the plain EMA's 0.1 at the first point
  const s = smooth([10, 0, 0, 0], 0.9);
  assert.equal(s[0], 10);
  // running averages 1, 0.9, 0.81, 0.729 divided by 0.1, 0.19, 0.271, 0.3439
  close(s, [10, 0.9 / 0.19, 0.81 / 0.271, 0.729 / 0.3439]);
});

test('smoothing keeps gaps, non-finite points and constant series; weight 0 changes nothing', () => {
  close(smooth([1, null, 3], 0.5), [1, null, (0.5 * 0.5 + 1.5) / 0.75]);
  const withNaN = smooth([2, Number.NaN, 4], 0.5);
  assert.ok(Number.isNaN(withNaN[1]!));
  close([withNaN[0]!, withNaN[2]!], [2, (1 * 0.5 + 2) / 0.75]);
  assert.deepEqual(smooth([0.3, 0.3, 0.3], 0.99), [0.3, 0.3, 0.3]);
  assert.deepEqual(smooth([5, 1, 9], 0), [5, 1, 9]);
});

test('only-changed hyperparameters: keys whose value differs in some run, absent counting as different', () => {
  const runs = [
    run('a', {'optimizer.learning_rate': 0.001, 'fit.batch_size': 32, 'optimizer.name': 'adam', layers: 4}, []),
    run('b', {'optimizer.learning_rate': 0.01, 'fit.batch_size': 32, 'optimizer.name': 'adam', layers: 4}, []),
    run('c', {'optimizer.learning_rate': 0.001, 'fit.batch_size': 32, 'optimizer.name': 'adam', layers: 4, 'fit.shuffle': true}, []),
  ];
  assert.deepEqual(hyperparameterKeys(runs, true), ['fit.shuffle', 'optimizer.learning_rate']);
  assert.deepEqual(hyperparameterKeys(runs, false), ['fit.batch_size', 'fit.shuffle', 'layers', 'optimizer.learning_rate', 'optimizer.name']);
  assert.deepEqual(hyperparameterKeys(runs.slice(0, 1), true), ['fit.batch_size', 'layers', 'optimizer.learning_rate', 'optimizer.name'],
    'one run: nothing to compare, every key shows');
});

test('curves share an x axis: epochs, seconds since each run started, or wall time; each run smoothed on its own points', () => {
  const a = run('a', {}, [{loss: 1, val_loss: 2}, {loss: 0.5, val_loss: 1.5}], 1_000_000);
  const b = run('b', {}, [{loss: 2}, {loss: 1}, {loss: 0.5}], 5_000_000);
  assert.deepEqual(metricGroups([a, b]), ['loss']);
  const byEpoch = curves([a, b], 'loss', 'epoch', 0);
  assert.deepEqual(byEpoch.x, [1, 2, 3]);
  assert.deepEqual(byEpoch.series.map((s) => [s.run.id, s.log, s.values]), [
    ['a', 'loss', [1, 0.5, null]], ['a', 'val_loss', [2, 1.5, null]], ['b', 'loss', [2, 1, 0.5]],
  ]);
  assert.deepEqual(curves([a, b], 'loss', 'relative', 0).x, [2, 4, 6]);
  assert.deepEqual(curves([a, b], 'loss', 'wall', 0).x, [1002, 1004, 5002, 5004, 5006]);
  const smoothed = curves([a, b], 'loss', 'wall', 0.5);
  assert.deepEqual(smoothed.series[2]!.values.slice(0, 2), [null, null]);
  close(smoothed.series[2]!.values.slice(2), smooth([2, 1, 0.5], 0.5));
});

test('the ranking metric is one every run has; final values skip epochs without it', () => {
  const a = run('a', {}, [{loss: 1, val_accuracy: 0.8}, {loss: 0.5}]);
  const b = run('b', {}, [{loss: 1, val_accuracy: 0.9}]);
  assert.equal(rankingMetric([a, b]), 'val_accuracy');
  assert.equal(rankingMetric([a, run('c', {}, [{loss: 2}])]), 'loss');
  assert.equal(finalValue(a, 'val_accuracy'), 0.8);
  assert.equal(finalValue(a, 'loss'), 0.5);
});

test('parallel coordinates: one axis per changed hyperparameter and the final metric, for three or more runs', () => {
  const runs = [
    run('a', {'optimizer.learning_rate': 0.0001, 'optimizer.name': 'adam', 'fit.batch_size': 32}, [{val_accuracy: 0.9}]),
    run('b', {'optimizer.learning_rate': 0.01, 'optimizer.name': 'sgd', 'fit.batch_size': 32}, [{val_accuracy: 0.8}]),
    run('c', {'optimizer.learning_rate': 0.1, 'optimizer.name': 'adam', 'fit.batch_size': 32}, [{val_accuracy: 0.7}]),
  ];
  assert.equal(parallelAxes(runs.slice(0, 2), 'val_accuracy'), undefined);
  const axes = parallelAxes(runs, 'val_accuracy')!;
  assert.deepEqual(axes.map((a) => [a.key, a.kind]), [['optimizer.learning_rate', 'log'], ['optimizer.name', 'categories'], ['final val_accuracy', 'linear']]);
  close(axes[0]!.positions, [0, 2 / 3, 1]);
  assert.deepEqual(axes[1]!.positions, [0, 1, 0]);
  assert.deepEqual(axes[1]!.ticks.map((t) => t.label), ['adam', 'sgd']);
  close(axes[2]!.positions, [1, 0.5, 0]);
});

test('confusion difference: counts on the same test set, per-class rates otherwise; other classes give none', () => {
  const left = [[8, 2], [1, 9]];
  const right = [[9, 1], [3, 7]];
  assert.deepEqual(confusionDifference(left, right), {cells: [[1, -1], [2, -2]], unit: 'counts', maxAbs: 2});
  const d = confusionDifference(left, [[18, 2], [5, 15]])!;
  assert.equal(d.unit, 'rates');
  close(d.cells.flat(), [0.9 - 0.8, 0.1 - 0.2, 0.25 - 0.1, 0.75 - 0.9]);
  assert.equal(confusionDifference(left, [[1, 0, 0], [0, 1, 0], [0, 0, 1]]), undefined);
  assert.equal(confusionDifference(left, undefined), undefined);
});

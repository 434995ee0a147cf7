import {test} from 'node:test';
import assert from 'node:assert/strict';
import {Worker} from 'node:worker_threads';
import {ESTIMATE_SPREAD, estimatedTrainingFlopsPerSecond, formatRange} from './calibration';
import {TRAINING_FLOPS_FACTOR, epochText} from './features';

/** The reference CNN: 125.0 MFLOPs per sample forward, 48,000 training samples per epoch. */
const REFERENCE_FLOPS = 124_960_256;
const EPOCH_SAMPLES = 48_000;
const epochSeconds = (flopsPerSecond: number) => (EPOCH_SAMPLES * REFERENCE_FLOPS * TRAINING_FLOPS_FACTOR) / flopsPerSecond;

test('the estimate is the same in every window: a function of the core count, not of how busy the machine is while it starts', async () => {
  const idle = estimatedTrainingFlopsPerSecond(2);
  // Both cores busy (as while VS Code starts a window): the estimate does not move.
  const burners = [0, 1].map(() => new Worker('const end = Date.now() + 400; while (Date.now() < end);', {eval: true}));
  const busy = Array.from({length: 5}, () => estimatedTrainingFlopsPerSecond(2));
  await Promise.all(burners.map((w) => new Promise((resolve) => w.once('exit', resolve))));
  assert.deepEqual(busy, new Array(5).fill(idle));
  assert.equal(estimatedTrainingFlopsPerSecond(), estimatedTrainingFlopsPerSecond());
  const rate = {flopsPerSecond: idle, source: 'calibration' as const, detail: '', spread: ESTIMATE_SPREAD};
  assert.equal(epochText(epochSeconds(idle), rate), '2–7 min');
  // More cores, faster; past 8 no faster.
  assert.ok(estimatedTrainingFlopsPerSecond(4) > idle);
  assert.equal(estimatedTrainingFlopsPerSecond(64), estimatedTrainingFlopsPerSecond(8));
  assert.equal(estimatedTrainingFlopsPerSecond(0), estimatedTrainingFlopsPerSecond(1));
});

test('the range holds the epoch times measured on the reference machine (160–290 samples/s on 2 cores)', () => {
  const estimate = epochSeconds(estimatedTrainingFlopsPerSecond(2));
  for (const samplesPerSecond of [160, 214, 229, 265, 290]) {
    const measured = EPOCH_SAMPLES / samplesPerSecond;
    assert.ok(measured >= estimate / ESTIMATE_SPREAD && measured <= estimate * ESTIMATE_SPREAD,
      `${samplesPerSecond} samples/s: ${measured.toFixed(0)} s outside ${(estimate / ESTIMATE_SPREAD).toFixed(0)}–${(estimate * ESTIMATE_SPREAD).toFixed(0)} s`);
  }
});

test('formatRange rounds each end in its own unit', () => {
  assert.equal(formatRange(112, 446), '2–7 min');
  assert.equal(formatRange(20, 80), '20–80 s');
  assert.equal(formatRange(40, 160), '40 s – 3 min');
  assert.equal(formatRange(1800, 7200), '30 min – 2 h');
  assert.equal(formatRange(7200, 28800), '2–8 h');
  assert.equal(formatRange(0.2, 0.8), 'under 1 s');
  assert.equal(formatRange(0.6, 1.4), '1 s');
});

/**
 * The run comparison webview in headless Chromium, fed by the extension's real comparison host
 * code reading real run.json files: curves, the hyperparameter table (only-changed on by
 * default), parallel coordinates, the confusion-matrix difference, Diff Specs, live updates of a
 * running training, one colour per run in every part. Screenshots go to .test-artifacts/runs/;
 * with UPDATE_README_SCREENSHOTS=1 the README's (media/readme/runs-comparison.png) is written too.
 * Run: npm run test:runs-webview
 */
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PNG} from 'pngjs';
import {listRuns, readRun, writeRunFile} from '../../src/formats/runs';
import {initBackend} from '../../src/engine/backend';
import {trainFromSpecFile} from '../../src/engine/training/trainer';
import {confusionDifference, hyperparameterKeys, smooth} from '../../webview/runs/model';
import {comparedRun} from '../../src/extension/runs/adapt';
import {ROOT} from './inspector-harness';
import {startRunsHarness, type RunsHarness} from './runs-harness';
import {sampleRecord, writeSampleRuns} from './runs-fixtures';

const ARTIFACTS = join(ROOT, '.test-artifacts', 'runs');
const README_SHOT = join(ROOT, 'media', 'readme', 'runs-comparison.png');
const WORKSPACE = fs.mkdtempSync(join(tmpdir(), 'kw-runs-webview-'));
const RUNS = join(WORKSPACE, 'runs');
let ids: string[];
let harness: RunsHarness;

/** A run the engine really trained and recorded (small CNN, two epochs on 300 MNIST samples). */
let trained: string;

before(async () => {
  fs.mkdirSync(ARTIFACTS, {recursive: true});
  ids = writeSampleRuns(RUNS, WORKSPACE, 4, 12);
  await initBackend('auto');
  const specPath = join(WORKSPACE, 'small.train.json');
  fs.copyFileSync(join(ROOT, 'test', 'fixtures', 'small-cnn.train.json'), specPath);
  const result = await trainFromSpecFile(specPath, {workspaceRoot: WORKSPACE, epochs: 2, limit: 300, runsFolder: RUNS, onLog: () => {}});
  assert.equal(result.epochsRun, 2);
  trained = (await listRuns(RUNS)).runs.find((r) => r.specPath === 'small.train.json')!.id;
  harness = await startRunsHarness(RUNS, WORKSPACE, 'light', {width: 1280, height: 1000});
});

after(async () => {
  await harness?.close();
  fs.rmSync(WORKSPACE, {recursive: true, force: true});
});

function clean(): void {
  assert.deepEqual(harness.cspViolations, [], 'Content Security Policy violations');
  assert.deepEqual(harness.pageErrors, [], 'errors in the page');
  assert.deepEqual(harness.warnings, [], 'runs that could not be read');
}

/** How many pixels of a canvas are (nearly: anti-aliasing) this "#rrggbb" colour. */
async function pixelsOf(selector: string, hex: string): Promise<number> {
  const el = await harness.page.$(selector);
  const png = PNG.sync.read(await el!.screenshot());
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let n = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    if (Math.abs(png.data[i]! - r!) + Math.abs(png.data[i + 1]! - g!) + Math.abs(png.data[i + 2]! - b!) < 40) n++;
  }
  return n;
}

const rgbToHex = (rgb: string) => `#${rgb.match(/\d+/g)!.slice(0, 3).map((v) => Number(v).toString(16).padStart(2, '0')).join('')}`;

test('three runs: a chart per metric, one colour per run in the legend, the table and the parallel coordinates', async () => {
  const {page} = harness;
  const three = ids.slice(0, 3);
  await harness.open(three);
  assert.equal(await page.textContent('h1'), 'Comparing 3 runs');
  assert.deepEqual(await page.$$eval('[data-testid=curve]', (els) => els.map((e) => e.getAttribute('data-metric'))), ['loss', 'accuracy']);
  const legend = await page.$$eval('[data-testid=legend] li', (lis) => lis.map((li) => ({
    run: li.getAttribute('data-run'), colour: getComputedStyle(li.querySelector('.swatch')!).backgroundColor})));
  assert.deepEqual(legend.map((l) => l.run), three);
  const colours = legend.map((l) => rgbToHex(l.colour));
  assert.equal(new Set(colours).size, 3, `three colours: ${colours.join(', ')}`);
  const header = await page.$$eval('[data-testid=hparams] thead th[data-run]', (ths) => ths.map((th) => getComputedStyle(th.querySelector('.swatch')!).backgroundColor));
  assert.deepEqual(header.map(rgbToHex), colours, 'the table header uses the legend colours');
  const lines = await page.$$eval('[data-testid=parallel] polyline', (ps) => ps.map((p) => [p.getAttribute('data-run'), p.getAttribute('stroke')]));
  assert.deepEqual(lines, three.map((id, i) => [id, colours[i]]), 'the parallel coordinates too');
  // Each run's colour is drawn on the loss chart's canvas.
  for (const c of colours) {
    const n = await pixelsOf('[data-metric=loss] canvas', c);
    assert.ok(n > 50, `${c} is drawn on the loss chart (${n} pixels)`);
  }
  clean();
});

test('the hyperparameter table shows only what differs by default; the box shows them all', async () => {
  const {page} = harness;
  const records = await Promise.all(ids.slice(0, 3).map((id) => readRun(RUNS, id)));
  const runs = records.map((r, i) => comparedRun(r, i, WORKSPACE));
  assert.equal(await page.isChecked('[data-testid=only-changed]'), true);
  const keys = () => page.$$eval('[data-testid=hparams] tbody tr[data-key]', (trs) => trs.map((tr) => tr.getAttribute('data-key')));
  assert.deepEqual(await keys(), hyperparameterKeys(runs, true));
  assert.deepEqual(await keys(), ['fit.batch_size', 'optimizer.learning_rate']);
  const lr = await page.$$eval('[data-testid=hparams] tr[data-key="optimizer.learning_rate"] td', (tds) => tds.map((td) => td.textContent));
  assert.deepEqual(lr, runs.map((r) => String(r.hyperparameters['optimizer.learning_rate'])));
  await page.click('[data-testid=only-changed]');
  assert.deepEqual(await keys(), hyperparameterKeys(runs, false));
  assert.ok((await keys()).includes('model.parameters'));
  await page.click('[data-testid=only-changed]');
  const axes = await page.$$eval('[data-testid=parallel] .axis-label', (ts) => ts.map((t) => t.textContent));
  assert.deepEqual(axes, ['fit.batch_size', 'optimizer.learning_rate', 'final val_accuracy'], 'an axis per changed hyperparameter and the final metric');
  clean();
});

test('smoothing, log scale and the time axes redraw the curves; the slider shows its weight', async () => {
  const {page} = harness;
  const before = await page.$eval('[data-metric=loss] canvas', (c) => (c as HTMLCanvasElement).toDataURL());
  await page.fill('[data-testid=smoothing]', '0.95');
  assert.equal(await page.textContent('[data-testid=smoothing-value]'), '0.95');
  const smoothed = await page.$eval('[data-metric=loss] canvas', (c) => (c as HTMLCanvasElement).toDataURL());
  assert.notEqual(smoothed, before, 'smoothing changes the drawn curves');
  const chart = (attribute: string) => page.getAttribute('[data-metric=loss]', attribute);
  await page.check('[data-testid=log-scale]');
  assert.equal(await chart('data-y-scale'), 'log');
  assert.notEqual(await page.$eval('[data-metric=loss] canvas', (c) => (c as HTMLCanvasElement).toDataURL()), smoothed);
  await page.selectOption('[data-testid=x-axis]', 'relative');
  assert.equal(await chart('data-x-axis'), 'relative');
  assert.match(await chart('aria-label') ?? '', /against relative time \(s\), log scale/);
  await page.selectOption('[data-testid=x-axis]', 'wall');
  assert.equal(await chart('data-x-axis'), 'wall');
  await page.selectOption('[data-testid=x-axis]', 'epoch');
  await page.uncheck('[data-testid=log-scale]');
  await page.fill('[data-testid=smoothing]', '0.6');
  // The weight the page uses is TensorBoard's: a one-run check of the model it draws from.
  const values = (await readRun(RUNS, ids[0]!)).epochs.map((e) => e.logs.loss!);
  const s = smooth(values, 0.6);
  assert.equal(s[0], values[0], 'debiased: the first point is the value itself');
  clean();
});

test('two classifier runs: the difference of their confusion matrices; Diff Specs asks the host for the diff editor', async () => {
  const {page} = harness;
  const two = [ids[0]!, ids[1]!];
  await harness.open(two);
  await page.waitForSelector('[data-testid=confusion-diff]');
  assert.equal(await page.$('[data-testid=parallel] polyline'), null, 'no parallel coordinates for two runs');
  const [a, b] = await Promise.all(two.map((id) => readRun(RUNS, id)));
  const expected = confusionDifference(a!.test!.confusionMatrix, b!.test!.confusionMatrix)!;
  assert.equal(expected.unit, 'counts');
  const cells = await page.$$eval('[data-testid=confusion-cell]', (tds) => tds.map((td) => Number(td.textContent!.replace('+', ''))));
  assert.deepEqual(cells, expected.cells.flat());
  await page.click('[data-testid=diff-specs]');
  const until = Date.now() + 5000;
  while (!harness.diffs.length && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
  assert.deepEqual(harness.diffs, [[two[0], two[1]]]);
  clean();
});

test('a running training: its curves grow at every epoch end the host reports', async () => {
  const {page} = harness;
  const running = sampleRecord(WORKSPACE, 7, 10);
  const full = running.epochs;
  running.status = 'running';
  running.endTime = undefined;
  running.test = undefined;
  running.epochs = full.slice(0, 2);
  const folder = join(RUNS, running.id);
  fs.mkdirSync(folder, {recursive: true});
  writeRunFile(folder, running);
  await harness.open([ids[0]!, running.id]);
  const epochsShown = () => page.$eval(`[data-testid=legend] li[data-run="${running.id}"]`, (li) => li.textContent);
  assert.match(await epochsShown() ?? '', /running… · 2 epochs/);
  for (const n of [3, 4]) {
    running.epochs = full.slice(0, n);
    writeRunFile(folder, running);
    const since = harness.marks.length;
    await harness.comparison.changed([running.id]);
    await harness.nextMark('run-updated', since);
    assert.match(await epochsShown() ?? '', new RegExp(`running… · ${n} epochs`));
  }
  running.status = 'finished';
  running.epochs = full;
  writeRunFile(folder, running);
  await harness.comparison.changed([running.id, 'not-compared']);
  await page.waitForSelector(`[data-testid=legend] li[data-run="${running.id}"][data-status=finished]`);
  assert.match(await epochsShown() ?? '', /finished · 10 epochs/);
  clean();
});

test('a run the engine recorded compares with a made-up one: its epochs, hyperparameters and confusion matrix', async () => {
  const {page} = harness;
  await harness.open([trained, ids[0]!]);
  const record = await readRun(RUNS, trained);
  assert.match(await page.textContent(`[data-testid=legend] li[data-run="${trained}"]`) ?? '', /small-cnn .* finished · 2 epochs/);
  assert.deepEqual(await page.$$eval('[data-testid=curve]', (els) => els.map((e) => e.getAttribute('data-metric'))), ['loss', 'accuracy']);
  const column = await page.$$eval('[data-testid=hparams] tbody tr[data-key]', (trs) => trs.map((tr) => [tr.getAttribute('data-key'), tr.querySelector('td')!.textContent]));
  assert.ok(column.length > 0);
  for (const [key, shown] of column) {
    const value = record.hparams[key!];
    assert.equal(shown, value === undefined ? '–' : typeof value === 'number' && !Number.isInteger(value) ? String(Number(value.toPrecision(6))) : String(value), key!);
  }
  assert.ok(column.some(([k]) => k === 'fit.batch_size'), 'the batch sizes differ (50 and 32)');
  // Both are 10-class classifiers tested on different sample counts: the difference is in per-class shares.
  assert.ok(record.test?.confusionMatrix, 'the recorder keeps the test confusion matrix');
  await page.waitForSelector('[data-testid=confusion-diff]');
  assert.match(await page.textContent('section[aria-label="Confusion matrix difference"] p') ?? '', /share of each true class/);
  clean();
});

test('the charts follow the panel\'s width', async () => {
  const {page} = harness;
  const width = () => page.$eval('[data-metric=loss] canvas', (c) => c.getBoundingClientRect().width);
  const wide = await width();
  await page.setViewportSize({width: 800, height: 1000});
  await page.waitForFunction((w) => document.querySelector('[data-metric=loss] canvas')!.getBoundingClientRect().width < w - 100, wide);
  await page.setViewportSize({width: 1280, height: 1000});
  await page.waitForFunction((w) => Math.abs(document.querySelector('[data-metric=loss] canvas')!.getBoundingClientRect().width - w) < 2, wide);
  clean();
});

test('screenshots: the README\'s comparison of four runs, and a dark theme', async () => {
  const {page} = harness;
  await harness.open(ids);
  await page.fill('[data-testid=smoothing]', '0.3');
  const shot = join(ARTIFACTS, 'comparison-light.png');
  await page.screenshot({path: shot, fullPage: true});
  assert.ok(fs.statSync(shot).size > 20_000);
  if (process.env.UPDATE_README_SCREENSHOTS === '1') fs.copyFileSync(shot, README_SHOT);
  await harness.setTheme('dark');
  await page.waitForTimeout(100);
  await page.screenshot({path: join(ARTIFACTS, 'comparison-dark.png'), fullPage: true});
  await harness.setTheme('light');
  clean();
});

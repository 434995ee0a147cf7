/**
 * The inspector webview in headless Chromium, fed by the real worker-side code (a small CNN
 * trained on MNIST in the setup): every tab's content is checked against what the engine
 * computes, and screenshots of every tab in a light and a dark theme go to .test-artifacts/.
 * Run: npm run build && node --import tsx --test test/e2e/inspector-webview.test.ts
 */
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PNG} from 'pngjs';
import {mnistDirectory} from '../../src/engine/data/dataset';
import {mnistDescription} from '../../src/engine/session/dataset-choice';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import {initBackend} from '../../src/engine/backend';
import {branchingModel, handleFor, smallMnistModel} from '../../src/engine/inspect/test-model';
import {PredictionService} from '../../src/engine/inspect/predictions';
import {ModelSession, argMax} from '../../src/engine/session/session';
import type {LoadedModel} from '../../src/engine/models';
import type {DatasetChoice, ModelHandle, TrainProgress} from '../../src/protocol/messages';
import {ROOT, startHarness, type Harness, type ThemeName} from './inspector-harness';

const ARTIFACTS = join(ROOT, '.test-artifacts', 'inspector');
const CACHE = join(ROOT, '.cache', 'inspector');
let small: LoadedModel;
let functional: LoadedModel;
let tabular: LoadedModel;
/** The small CNN as a Keras file would come: no dataset recorded; and the same file opened again. */
let kerasFile: LoadedModel;
let kerasAgain: LoadedModel;
/** The small model again, as a training run's saved model (its own inspector session). */
let runModel: LoadedModel;
let harness: Harness;
const FILES = mkdtempSync(join(tmpdir(), 'kw-inspector-files-'));
/** What VS Code's dialogs answer in this test, and the workspace state. */
const host = {
  picked: [] as string[],
  saved: [] as Array<{name: string; text: string}>,
  memory: new Map<string, DatasetChoice>(),
};
const tab = (name: string) => `vscode-tab-header[data-tab=${name}]`;
const panel = (name: string) => `vscode-tab-panel[data-tab=${name}]`;

before(async () => {
  mkdirSync(ARTIFACTS, {recursive: true});
  await initBackend('auto');
  small = await smallMnistModel(CACHE);
  const fm = branchingModel();
  functional = {model: fm, handle: {...handleFor(fm, 'two-branch', '/models/two_branch'), dataset: undefined}};
  const tm = tfl.sequential({name: 'abalone_like', layers: [
    tfl.layers.dense({inputShape: [8], units: 6, activation: 'relu'}),
    tfl.layers.dense({units: 3, activation: 'softmax'}),
  ]});
  tabular = {model: tm, handle: {...handleFor(tm, 'tabular', '/models/tabular'), dataset: undefined}};
  const asKerasFile = (m: LoadedModel, id: string): LoadedModel => ({model: m.model, handle: {...handleFor(m.model, id, '/models/mnist_cnn.h5'), dataset: undefined}});
  kerasFile = asKerasFile(await smallMnistModel(CACHE), 'keras-file');
  kerasAgain = asKerasFile(await smallMnistModel(CACHE), 'keras-file-again');
  const again = await smallMnistModel(CACHE);
  runModel = {...again, handle: {...again.handle, modelId: 'run-model', path: '/w/models/run/small-cnn'}};
  harness = await startHarness([small, functional, tabular, kerasFile, kerasAgain, runModel], 'light', {
    pickFiles: async () => host.picked,
    saveText: async (name, text) => {
      host.saved.push({name, text});
      return join(FILES, name);
    },
    rememberDataset: (path, choice) => void host.memory.set(path, choice),
    recallDataset: (path) => host.memory.get(path),
  });
});

after(async () => {
  await harness?.close();
});

async function shot(name: string): Promise<void> {
  await harness.page.screenshot({path: join(ARTIFACTS, `${name}.png`), fullPage: true});
}

async function select(name: string): Promise<void> {
  await harness.page.click(tab(name));
  await harness.page.waitForSelector(`${panel(name)}:not([hidden])`);
}

function noViolations(): void {
  assert.deepEqual(harness.cspViolations, [], 'Content Security Policy violations');
  assert.deepEqual(harness.pageErrors, [], 'errors in the page');
}

test('Layers: the summary rows and totals equal the engine summary; configuration on demand', async () => {
  const {page} = harness;
  await harness.open({kind: 'model', model: small.handle});
  await page.waitForSelector('[data-testid=summary-table]');
  const rows = await page.$$eval('[data-testid=summary-table] tbody tr[data-layer]', (trs) =>
    trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent!.trim())));
  const s = small.handle.summary;
  assert.deepEqual(rows, s.rows.map((r) => [`${r.name} (${r.className})`, r.outputShape, r.params.toLocaleString('en-US')]));
  assert.match(await page.textContent('[data-testid=total-params]') ?? '', new RegExp(`Total params: ${s.totalParams.toLocaleString('en-US')} \\(248.29 KB\\)`));
  assert.match(await page.textContent('[data-testid=trainable-params]') ?? '', /Trainable params: 63,562/);
  assert.match(await page.textContent('[data-testid=non-trainable-params]') ?? '', /Non-trainable params: 0 \(0 B\)/);
  // Keyboard: focus the conv2d_1 row's button and open its configuration with Enter.
  await page.focus('tr[data-layer=conv2d_1] button');
  await page.keyboard.press('Enter');
  const config = await page.waitForSelector('[data-testid=layer-config]');
  const text = await config.textContent();
  assert.match(text ?? '', /"filters": 16/);
  assert.match(text ?? '', /"kernel_size": \[\s*3,\s*3\s*\]/);
  assert.equal(await page.getAttribute('tr[data-layer=conv2d_1] button', 'aria-expanded'), 'true');
  noViolations();
});

test('Weights: statistics, a rendered histogram and kernel / matrix images for every tensor', async () => {
  const {page} = harness;
  await select('weights');
  await page.waitForSelector('[data-testid=weight-card]');
  const cards = await page.$$eval('[data-testid=weight-card]', (els) => els.map((e) => e.getAttribute('data-weight')));
  assert.deepEqual(cards, small.model.weights.map((w) => w.originalName));
  // The first card's histogram is drawn by uPlot on a canvas with non-empty pixels.
  await page.waitForSelector('[data-testid=weight-card] [data-testid=histogram] canvas');
  const painted = await page.$eval('[data-testid=weight-card] [data-testid=histogram] canvas', (c) => {
    const ctx = (c as HTMLCanvasElement).getContext('2d')!;
    const d = ctx.getImageData(0, 0, (c as HTMLCanvasElement).width, (c as HTMLCanvasElement).height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i]! > 0) n++;
    return n;
  });
  assert.ok(painted > 500, `histogram canvas has ${painted} painted pixels`);
  const mean = await page.textContent('[data-weight="conv2d/kernel"] [data-stat=mean]');
  const values = await small.model.weights[0]!.read().data();
  const expected = Array.from(values).reduce((a, b) => a + b, 0) / values.length;
  assert.ok(Math.abs(Number(mean) - expected) < 1e-3, `mean ${mean} vs ${expected}`);
  const images = await page.$$eval('[data-testid=weight-image]', (imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth));
  assert.equal(images.length, 4, 'two kernel grids and two dense heat maps');
  assert.ok(images.every((w) => w > 20), `images decoded: ${images}`);
  // Kernel grids are tiles one can see, not a strip a few pixels high: at least 6 screen
  // pixels per kernel value, so a 3x3 kernel is 18 pixels or more.
  const grids = await page.$$eval('[data-weight^="conv2d"][data-weight$="kernel"] [data-testid=weight-image]', (imgs) =>
    imgs.map((i) => ({h: (i as HTMLImageElement).getBoundingClientRect().height, w: (i as HTMLImageElement).getBoundingClientRect().width})));
  assert.equal(grids.length, 2);
  assert.ok(grids.every((g) => g.h >= 18 && g.w >= 18), `kernel grids drawn at ${JSON.stringify(grids)}`);
  noViolations();
});

test('Predictions: sample 788 shows ground truth 9 and the prediction the engine computes', async () => {
  const {page} = harness;
  await select('predictions');
  await page.waitForSelector('[data-testid=sample-grid] button.sample');
  assert.equal(await page.$$eval('[data-testid=sample-grid] button.sample', (b) => b.length), 40);
  await page.fill('#jump-index input', '788');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid=sample-detail][data-index="788"] [data-testid=predicted]');
  const engine = await new PredictionService(new ModelSession(small)).predictIndices([788]);
  assert.equal(await page.textContent('[data-testid=ground-truth]'), '9');
  assert.equal(await page.textContent('[data-testid=sample-detail] [data-testid=predicted]'), String(engine[0]!.predicted));
  assert.equal(engine[0]!.predicted, 9);
  const bars = await page.$$eval('[data-testid=sample-top-k] li .bar-label', (ls) => ls.map((l) => l.textContent));
  assert.equal(bars.length, 5);
  assert.equal(bars[0], '9');
  assert.match(await page.textContent('[data-testid=page-info]') ?? '', /^760–799 of 10,000/);
  // Clicking a tile shows that sample.
  await page.click('button.sample[data-index="790"]');
  await page.waitForSelector('[data-testid=sample-detail][data-index="790"]');
  noViolations();
});

test('Predictions: only misclassified samples', async () => {
  const {page} = harness;
  await page.click('#only-misclassified');
  await page.waitForFunction(() => /misclassified$/.test(document.querySelector('[data-testid=page-info]')?.textContent ?? ''));
  const tiles = await page.$$eval('[data-testid=sample-grid] button.sample', (bs) => bs.map((b) => b.classList.contains('wrong')));
  assert.ok(tiles.length > 0 && tiles.every(Boolean), 'every tile is misclassified');
  await page.click('#only-misclassified');
  await page.waitForFunction(() => /of 10,000$/.test(document.querySelector('[data-testid=page-info]')?.textContent ?? ''));
});

test('Predictions: a drawn stroke changes the prediction', async () => {
  const {page} = harness;
  const canvas = await page.waitForSelector('[data-testid=draw-canvas]');
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  // A vertical stroke, drawn with the mouse like a person would: a "1".
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.15);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * (0.15 + 0.7 * i / 12));
  await page.mouse.up();
  await page.waitForSelector('[data-testid=draw-predicted]');
  await page.waitForTimeout(300);
  const first = await page.textContent('[data-testid=draw-predicted]');
  // A horizontal bar and a loop turn it into something else.
  await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.2);
  await page.mouse.down();
  for (let i = 1; i <= 24; i++) {
    const a = (i / 24) * Math.PI * 2;
    await page.mouse.move(box.x + box.width * (0.5 + 0.3 * Math.cos(a)), box.y + box.height * (0.5 + 0.3 * Math.sin(a)));
  }
  await page.mouse.up();
  await page.waitForFunction((before) => document.querySelector('[data-testid=draw-predicted]')?.textContent !== before, first, {timeout: 5000});
  const second = await page.textContent('[data-testid=draw-predicted]');
  assert.notEqual(second, first, `prediction stayed ${first}`);
  assert.equal(await page.$$eval('[data-testid=draw-top-k] li', (l) => l.length), 5);
  // The worker says how long the model ran.
  assert.match((await page.textContent('[data-testid=draw-result] [data-testid=compute-time]')) ?? '', /^ · \d+(\.\d)? ms$/);
});

test('Predictions: the confusion matrix sums to the test-set size', async () => {
  const {page} = harness;
  await page.click('#evaluate');
  await page.waitForSelector('[data-testid=confusion-matrix]', {timeout: 60000});
  const counts = await page.$$eval('[data-testid=confusion-matrix] td[data-count]', (tds) => tds.map((t) => Number(t.getAttribute('data-count'))));
  assert.equal(counts.length, 100);
  assert.equal(counts.reduce((a, b) => a + b, 0), 10000);
  assert.equal(await page.$$eval('[data-testid=class-accuracy]', (t) => t.length), 10);
  assert.match(await page.textContent('[data-testid=evaluation-summary]') ?? '', /Accuracy \d+\.\d\d% · loss [\d.]+ · 10,000 samples/);
  assert.equal(await page.textContent('[data-testid=eval-count]'), '10,000 / 10,000 samples');
});

test('Training: the saved history of the loaded model as curves and a table', async () => {
  const {page} = harness;
  await select('training');
  await page.waitForSelector('[data-testid=history-table]');
  const epochs = await page.$$eval('[data-testid=history-table] tbody tr', (r) => r.length);
  assert.equal(epochs, small.handle.history!.length);
  assert.equal(await page.$$eval('[data-testid=curve] canvas', (c) => c.length), 2, 'loss and accuracy charts');
  noViolations();
});

test('state survives a reload of the panel (tab, sample, open configuration, evaluation)', async () => {
  const {page} = harness;
  await harness.open({kind: 'model', model: small.handle});
  await page.waitForSelector(`${panel('training')}:not([hidden]) [data-testid=history-table]`);
  await select('predictions');
  await page.waitForSelector('[data-testid=sample-detail][data-index="790"]');
  await page.waitForSelector('[data-testid=confusion-matrix]');
  await select('layers');
  await page.waitForSelector('[data-testid=layer-config]');
});

test('screenshots of every tab in the light and the dark theme', async () => {
  const {page} = harness;
  for (const theme of ['light', 'dark'] as ThemeName[]) {
    await harness.setTheme(theme);
    await harness.open({kind: 'model', model: small.handle});
    for (const name of ['layers', 'weights', 'predictions', 'training']) {
      await select(name);
      await page.waitForTimeout(name === 'weights' ? 600 : 250);
      await shot(`${theme}-${name}`);
    }
    // Legibility: the foreground differs clearly from the background in both themes.
    const [fg, bg] = await page.evaluate(() => [getComputedStyle(document.body).color, getComputedStyle(document.body).backgroundColor]);
    assert.notEqual(fg, bg);
  }
  await harness.setTheme('light');
  noViolations();
});

test('functional model: a graph with the branch and the merge', async () => {
  const {page} = harness;
  await page.evaluate(() => sessionStorage.removeItem('state'));
  await harness.open({kind: 'model', model: functional.handle});
  await page.waitForSelector('[data-testid=layer-graph] svg');
  const edges = await page.$$eval('[data-testid=layer-graph] [data-edge]', (e) => e.map((x) => x.getAttribute('data-edge')).sort());
  assert.deepEqual(edges, ['conv_a->merge', 'conv_b->merge', 'flatten->probabilities', 'image->conv_a', 'image->conv_b', 'merge->flatten']);
  await page.focus('[data-node=merge]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('tr[data-layer=merge] + tr [data-testid=layer-config]');
  await shot('light-functional-graph');
  noViolations();
});

test('non-image model: input values and the output vector', async () => {
  const {page} = harness;
  await page.evaluate(() => sessionStorage.removeItem('state'));
  await harness.open({kind: 'model', model: tabular.handle});
  await select('predictions');
  await page.waitForSelector('#input-values');
  await page.fill('#input-values', '0.5, 0.4, 0.1, 0.2, 0.9, 0.3, 0.2, 0.25');
  await page.click('#input-predict');
  await page.waitForSelector('[data-testid=output-vector] table');
  const values = await page.$$eval('[data-testid=output-vector] tbody td.num', (t) => t.map((x) => Number(x.textContent)));
  const expected = await (tabular.model.predict(
    (await import('@tensorflow/tfjs-core')).tensor2d([[0.5, 0.4, 0.1, 0.2, 0.9, 0.3, 0.2, 0.25]])) as import('@tensorflow/tfjs-core').Tensor).data();
  assert.equal(values.length, 3);
  values.forEach((v, i) => assert.ok(Math.abs(v - expected[i]!) < 1e-3, `output ${i}: ${v} vs ${expected[i]}`));
  await shot('light-tabular-predictions');
  noViolations();
});

test('Training: live curves per batch and per epoch during a run', async () => {
  const {page} = harness;
  await page.evaluate(() => sessionStorage.removeItem('state'));
  await harness.open({kind: 'training', runId: 'run-1', title: 'mnist.train.json'});
  await page.waitForSelector('[data-testid=training-status]');
  const batches = 20;
  const base = {runId: 'run-1', epochs: 2, batches, elapsedSeconds: 1, etaSeconds: 10};
  await harness.sendTrainProgress({...base, kind: 'start', epoch: 1, batch: 0, logs: {}});
  let loss = 2.3, acc = 0.1;
  for (let epoch = 1; epoch <= 2; epoch++) {
    for (let batch = 1; batch <= batches; batch++) {
      loss *= 0.95;
      acc = Math.min(0.99, acc + 0.02);
      await harness.sendTrainProgress({...base, kind: 'batch', epoch, batch, logs: {loss, accuracy: acc}} as TrainProgress);
    }
    await harness.sendTrainProgress({...base, kind: 'epoch', epoch, batch: batches, logs: {loss, accuracy: acc, val_loss: loss * 1.1, val_accuracy: acc - 0.05}});
  }
  await page.waitForFunction(() => /Epoch 2\/2 · batch 20\/20/.test(document.querySelector('[data-testid=training-status]')?.textContent ?? ''));
  await page.waitForSelector('[data-testid=history-table]');
  assert.equal(await page.$$eval('[data-testid=history-table] tbody tr', (r) => r.length), 2);
  const legend = await page.$$eval('[data-metric=loss] .u-legend .u-label', (l) => l.map((x) => x.textContent));
  assert.deepEqual(legend.slice(1), ['loss (batch)', 'loss (epoch)', 'val_loss']);
  await shot('light-training-live');
  await harness.sendTrainProgress({...base, kind: 'end', epoch: 2, batch: batches, logs: {}});
  await page.waitForFunction(() => /Finished/.test(document.querySelector('[data-testid=training-status]')?.textContent ?? ''));
  // Re-shown panel: the curves come back from the saved state.
  await harness.open({kind: 'training', runId: 'run-1', title: 'mnist.train.json'});
  await page.waitForSelector('[data-testid=history-table]');
  assert.equal(await page.$$eval('[data-testid=history-table] tbody tr', (r) => r.length), 2);
  noViolations();
});

/** A PNG of MNIST test image `index` (greyscale as RGBA). */
function mnistPng(index: number): Buffer {
  const bytes = readFileSync(join(mnistDirectory(), 't10k-images-idx3-ubyte')).subarray(16 + index * 784, 16 + (index + 1) * 784);
  const png = new PNG({width: 28, height: 28});
  for (let i = 0; i < 784; i++) png.data.set([bytes[i]!, bytes[i]!, bytes[i]!, 255], i * 4);
  return PNG.sync.write(png);
}

test('Predictions: a model without a dataset is given the built-in MNIST, remembered for that model file', async () => {
  const {page} = harness;
  await page.evaluate(() => sessionStorage.removeItem('state'));
  await harness.open({kind: 'model', model: kerasFile.handle});
  await select('predictions');
  await page.waitForSelector('#dataset-mnist');
  assert.match(await page.textContent('[data-testid=dataset-status]') ?? '', /does not record its dataset/);
  assert.equal(await page.$('#input-values'), null, 'no box asking for 784 comma-separated numbers');
  await shot('light-no-dataset');
  await page.click('#dataset-mnist');
  await page.waitForFunction(() => /of 10,000$/.test(document.querySelector('[data-testid=page-info]')?.textContent ?? ''));
  assert.deepEqual(host.memory.get('/models/mnist_cnn.h5'), {kind: 'mnist'});
  // The same file opened again (another worker model): its dataset comes back without asking.
  await page.evaluate(() => sessionStorage.removeItem('state'));
  await harness.open({kind: 'model', model: kerasAgain.handle});
  await select('predictions');
  await page.waitForFunction(() => /of 10,000$/.test(document.querySelector('[data-testid=page-info]')?.textContent ?? ''));
  assert.match(await page.textContent('[data-testid=dataset-status]') ?? '', /10,000 samples/);
  noViolations();
});

test('Predictions: "Predict files…" on PNG images (picker and drop), with the chosen dataset\'s preprocessing, exported as CSV', async () => {
  const {page} = harness;
  writeFileSync(join(FILES, '788.png'), mnistPng(788));
  writeFileSync(join(FILES, '0.png'), mnistPng(0));
  host.picked = [join(FILES, '788.png'), join(FILES, '0.png')];
  await page.click('#predict-files');
  await page.waitForSelector('[data-testid=file-results]:not([data-pending]) [data-testid=file-row]');
  const engine = new ModelSession({...kerasAgain, data: mnistDescription([28, 28, 1])});
  const expected = await engine.predictInputs(engine.readInputs(host.picked), 5);
  const shown = await page.$$eval('[data-testid=file-predicted]', (p) => p.map((x) => Number(x.textContent)));
  assert.deepEqual(shown, expected.map((p) => p.predicted));
  assert.equal(shown[0], 9, 'test image 788 is a 9');
  const thumbs = await page.$$eval('[data-testid=file-row] img.file-thumb', (imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth));
  assert.deepEqual(thumbs, [28, 28]);
  assert.match(await page.textContent('[data-testid=file-top]') ?? '', /^9 \d+\.\d% · /);
  await shot('light-predict-files');
  // Hidden and shown again: VS Code reloads the page; the results, the tab and the test set stay, and export still works.
  const rowsBefore = await page.$$eval('[data-testid=file-row]', (rows) => rows.map((r) => r.textContent));
  await harness.reshow();
  await page.waitForSelector(`${panel('predictions')}:not([hidden]) [data-testid=file-row]`);
  assert.deepEqual(await page.$$eval('[data-testid=file-row]', (rows) => rows.map((r) => r.textContent)), rowsBefore);
  assert.equal(await page.$eval('#export-csv', (b) => (b as HTMLElement).hidden), false);
  // A predicted file can be explained: 788.png's saliency of its predicted class 9.
  await page.click('[data-testid=file-row] .file-explain');
  await page.waitForSelector('[data-testid=explain][data-method=saliency]:not([data-pending]) [data-testid=attribution-map]');
  assert.equal(await page.$eval('#explain-class', (sel) => (sel as HTMLSelectElement).value), '9');
  await page.click('#export-csv');
  await page.waitForFunction(() => document.querySelector('#export-csv')?.getAttribute('title')?.startsWith('Saved to'));
  const csv = host.saved.at(-1)!.text.trim().split('\n');
  assert.equal(csv.length, 3);
  assert.match(csv[0]!, /^input,predicted,top1,top1_probability,/);
  assert.match(csv[1]!, /^788\.png,9,9,0\.\d+/);
  // Dropped from the desktop: the file's content travels, not a path.
  const png = mnistPng(788).toString('base64');
  await page.evaluate((b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], 'dropped.png', {type: 'image/png'}));
    document.body.dispatchEvent(new DragEvent('drop', {dataTransfer: data, bubbles: true, cancelable: true}));
  }, png);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=file-row]').length === 1 &&
    !document.querySelector('[data-testid=file-results]')?.hasAttribute('data-pending'));
  assert.equal(await page.textContent('[data-testid=file-row] td:nth-child(2)'), 'dropped.png');
  assert.equal(await page.textContent('[data-testid=file-predicted]'), '9');
  noViolations();
});

test('Predictions: a tabular model predicts a CSV file; a file that does not fit says so in one line', async () => {
  const {page} = harness;
  await page.evaluate(() => sessionStorage.removeItem('state'));
  await harness.open({kind: 'model', model: tabular.handle});
  await select('predictions');
  writeFileSync(join(FILES, 'rows.csv'), 'a,b,c,d,e,f,g,h\n0.5,0.4,0.1,0.2,0.9,0.3,0.2,0.25\n1,0,1,0,1,0,1,0\n0,0,0,0,0,0,0,0\n');
  host.picked = [join(FILES, 'rows.csv')];
  await page.click('#predict-files');
  await page.waitForSelector('[data-testid=file-results]:not([data-pending]) [data-testid=file-row]');
  assert.equal(await page.$$eval('[data-testid=file-row]', (r) => r.length), 3);
  const engine = new ModelSession(tabular);
  const expected = await engine.predictInputs(engine.readInputs(host.picked), 5);
  assert.deepEqual(await page.$$eval('[data-testid=file-predicted]', (p) => p.map((x) => Number(x.textContent))), expected.map((p) => p.predicted));
  assert.equal(await page.textContent('[data-testid=file-row] td:nth-child(2)'), 'rows.csv line 2');
  writeFileSync(join(FILES, 'narrow.csv'), '1,2,3\n');
  host.picked = [join(FILES, 'narrow.csv')];
  await page.click('#predict-files');
  await page.waitForSelector('[data-testid=files-error]');
  assert.match(await page.textContent('[data-testid=files-error]') ?? '', /narrow\.csv: rows of 3 values do not fit the model's input shape \(8,\)/);
  noViolations();
});

/** WCAG contrast ratio of two CSS colours, the first composited over the second (which is opaque). */
function contrast(fg: string, bg: string): number {
  // Chromium computes rgb()/rgba(), and color(srgb r g b / a) with 0..1 channels for color-mix().
  const parse = (c: string) => {
    const srgb = c.match(/color\(srgb ([^)]+)\)/);
    const m = srgb ?? c.match(/rgba?\(([^)]+)\)/);
    assert.ok(m, `a colour: ${c}`);
    const [r, g, b, a = 1] = m[1]!.split(/[\s,/]+/).filter(Boolean).map(Number);
    const scale = srgb ? 255 : 1;
    return [r! * scale, g! * scale, b! * scale, a] as const;
  };
  const [br, bgG, bb] = parse(bg);
  const [r, g, b, a] = parse(fg);
  const over = [r * a + br * (1 - a), g * a + bgG * (1 - a), b * a + bb * (1 - a)];
  const lum = (rgb: number[]) => {
    const [R, G, B] = rgb.map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * R! + 0.7152 * G! + 0.0722 * B!;
  };
  const [l1, l2] = [lum(over), lum([br, bgG, bb])].sort((x, y) => y - x);
  return (l1! + 0.05) / (l2! + 0.05);
}

test('correct / wrong marks have 4.5:1 contrast (text) and top-k bars 3:1 in light, dark and high-contrast themes; a 0% bar looks empty', async () => {
  const {page} = harness;
  const session = new ModelSession(small);
  const whole = await session.predictTestSet();
  const labels = session.requireTestSet().labels!;
  const wrong = Array.from(labels).findIndex((l, i) => argMax(whole, i * 10, 10) !== Math.round(l));
  assert.ok(wrong >= 0, 'the small model misclassifies some test image');
  for (const theme of ['light', 'dark', 'hc', 'hcLight'] as ThemeName[]) {
    await page.evaluate(() => sessionStorage.removeItem('state'));
    await harness.setTheme(theme);
    await harness.open({kind: 'model', model: small.handle});
    await select('predictions');
    const colours: Record<string, string> = {};
    // 788 last: its confident prediction has bars near 0%.
    for (const [index, mark] of [[wrong, 'wrong'], [788, 'ok']] as const) {
      await page.fill('#jump-index input', String(index));
      await page.keyboard.press('Enter');
      await page.waitForSelector(`[data-testid=sample-detail][data-index="${index}"] .verdict .${mark}`);
      colours[mark] = await page.$eval(`[data-testid=sample-detail] .verdict .${mark}`, (e) => getComputedStyle(e).color);
    }
    const bars = await page.$$eval('[data-testid=sample-top-k] li', (lis) => lis.map((li) => {
      const bar = li.querySelector('.bar')!, fill = li.querySelector('.bar-fill')!;
      const b = getComputedStyle(bar);
      return {value: Number(bar.getAttribute('aria-valuenow')), track: b.backgroundColor, border: b.borderTopColor,
        borderWidth: parseFloat(b.borderTopWidth), fill: getComputedStyle(fill).backgroundColor,
        filled: fill.getBoundingClientRect().width / bar.getBoundingClientRect().width};
    }));
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await shot(`${theme}-predictions-contrast`);
    for (const [mark, colour] of Object.entries(colours)) {
      assert.ok(contrast(colour, background) >= 4.5, `${theme}: '${mark}' mark ${colour} on ${background}: ${contrast(colour, background).toFixed(2)}:1`);
    }
    for (const [i, bar] of bars.entries()) {
      assert.ok(contrast(bar.fill, background) >= 3, `${theme}: bar ${i} fill ${bar.fill}: ${contrast(bar.fill, background).toFixed(2)}:1`);
      assert.ok(bar.borderWidth >= 1 && contrast(bar.border, background) >= 3, `${theme}: bar ${i} outline ${bar.border}`);
      // The track is the background: only the fill is coloured, as wide as the probability.
      assert.equal(contrast(bar.track, background), 1, `${theme}: bar ${i} track ${bar.track}`);
      assert.ok(Math.abs(bar.filled - bar.value) < 0.05, `${theme}: bar ${i} filled ${bar.filled.toFixed(2)} for ${bar.value}`);
    }
    assert.ok(bars.some((b) => b.value < 0.01), `${theme}: a bar near 0% among ${bars.map((b) => b.value)}`);
  }
  await harness.setTheme('light');
  noViolations();
});

test('Training: a model without history says so; a cancelled run says Cancelled', async () => {
  const {page} = harness;
  await page.evaluate(() => sessionStorage.removeItem('state'));
  await harness.open({kind: 'model', model: {...small.handle, history: undefined}});
  await select('training');
  const status = await page.textContent('[data-testid=training-status]');
  assert.match(status ?? '', /no training history/);
  assert.doesNotMatch(status ?? '', /Waiting/);
  await page.evaluate(() => sessionStorage.removeItem('state'));
  await harness.open({kind: 'training', runId: 'run-c', title: 'mnist.train.json'});
  await page.waitForSelector('[data-testid=training-status]');
  assert.match(await page.textContent('[data-testid=training-status]') ?? '', /Waiting for the first batch/);
  const base = {runId: 'run-c', epochs: 3, batches: 10, elapsedSeconds: 2, etaSeconds: 20};
  await harness.sendTrainProgress({...base, kind: 'start', epoch: 1, batch: 0, logs: {}});
  await harness.sendTrainProgress({...base, kind: 'batch', epoch: 1, batch: 1, logs: {loss: 2.1, accuracy: 0.2}});
  await harness.sendTrainProgress({...base, kind: 'end', epoch: 0, batch: 0, logs: {}, cancelled: true});
  await page.waitForFunction(() => /Cancelled/.test(document.querySelector('[data-testid=training-status]')?.textContent ?? ''));
  assert.doesNotMatch(await page.textContent('[data-testid=training-status]') ?? '', /Finished/);
  noViolations();
});

test('a training panel hidden and shown again keeps its saved model and evaluation, also when the run ended while hidden', async () => {
  const {page} = harness;
  const title = 'mnist.train.json';
  const saved = {...runModel.handle};
  // The run ends while the panel is visible: the host posts the saved model.
  await page.evaluate(() => sessionStorage.removeItem('state'));
  await harness.open({kind: 'training', runId: 'run-v', title});
  await page.waitForSelector('[data-testid=training-status]');
  await harness.setHostSubject({kind: 'training', runId: 'run-v', title, model: saved}, true);
  await page.waitForSelector(tab('predictions'));
  await select('predictions');
  // Evaluation counts its samples: a fresh session, so the worker reports progress.
  await page.evaluate(() => {
    const seen: string[] = ((window as unknown as {evalCounts: string[]}).evalCounts = []);
    new MutationObserver(() => {
      const t = document.querySelector('[data-testid=eval-count]')?.textContent;
      if (t && seen.at(-1) !== t) seen.push(t);
    }).observe(document.body, {subtree: true, childList: true, characterData: true});
  });
  await page.click('#evaluate');
  await page.waitForSelector('[data-testid=confusion-matrix]', {timeout: 60000});
  const counts = await page.evaluate(() => (window as unknown as {evalCounts: string[]}).evalCounts);
  assert.ok(counts.some((c) => /^\d{1,3}(,\d{3})? \/ 10,000 samples$/.test(c) && !c.startsWith('10,000')), `counts shown: ${counts.join(' | ')}`);
  assert.equal(counts.at(-1), '10,000 / 10,000 samples');
  const accuracy = await page.textContent('[data-testid=evaluation-summary]');
  // Hidden and shown again: VS Code reloads the page from the HTML the panel was opened with.
  await harness.reshow();
  await page.waitForSelector(`h1:text("${saved.summary.modelName}")`);
  await select('predictions');
  await page.waitForSelector('[data-testid=confusion-matrix]');
  assert.equal(await page.textContent('[data-testid=evaluation-summary]'), accuracy);
  // The run ends while the panel is hidden: the page never got the subject, the host re-sends it on 'ready'.
  await page.evaluate(() => sessionStorage.removeItem('state'));
  await harness.open({kind: 'training', runId: 'run-h', title});
  await page.waitForSelector('[data-testid=training-status]');
  await harness.setHostSubject({kind: 'training', runId: 'run-h', title, model: saved}, false);
  await harness.reshow();
  await page.waitForSelector(`h1:text("${saved.summary.modelName}")`);
  await page.waitForSelector(tab('predictions'));
  noViolations();
});

test('Layers: a test sample\'s activations, feature maps of at least 48 px with channel ranges on hover, sorted by mean; Dense as a strip; a click on a layer shows it', async () => {
  const {page} = harness;
  await harness.open({kind: 'model', model: small.handle});
  await page.evaluate(() => sessionStorage.removeItem('state'));
  await harness.open({kind: 'model', model: small.handle});
  await page.waitForSelector('[data-testid=activations]');
  await page.fill('#activation-index', '788');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid=activations][data-sample="788"] div.fmap');
  assert.equal(await page.$eval('.activation-output', (e) => (e as HTMLElement).dataset.layer), 'conv2d');
  const cells = await page.$$eval('.fmap-cell', (els) => els.map((e) => ({title: e.getAttribute('title')!, width: e.querySelector('.fmap')!.getBoundingClientRect().width})));
  assert.equal(cells.length, 8, 'one map per filter of conv2d');
  assert.ok(cells.every((c) => c.width >= 48), `map sizes ${cells.map((c) => c.width)}`);
  assert.match(cells[0]!.title, /^channel 0: min -?\d.*, max \d.*, mean \d/);
  // The engine's own activation of conv2d for sample 788: the hover ranges equal its channels' maxima.
  const session = new ModelSession(small);
  const x = session.testRows([788]);
  const conv = tf.tidy(() => (small.model.getLayer('conv2d').apply(tf.tensor(x, [1, 28, 28, 1])) as tf.Tensor).dataSync());
  const maxOf = (k: number) => Math.max(...Array.from(conv).filter((_, i) => i % 8 === k));
  for (const [k, cell] of cells.entries()) {
    const shownMax = Number(/max (\S+),/.exec(cell.title)![1]);
    assert.ok(Math.abs(shownMax - maxOf(k)) <= 1e-3 * Math.max(1, maxOf(k)), `channel ${k}: ${shownMax} vs ${maxOf(k)}`);
  }
  // Zoom doubles the maps; sorting by mean puts the highest mean first.
  await page.fill('#activation-zoom', '2');
  await page.dispatchEvent('#activation-zoom', 'input');
  assert.ok(await page.$eval('div.fmap', (c) => c.getBoundingClientRect().width) >= 96);
  await page.selectOption('#activation-sort', 'mean');
  const means = await page.$$eval('.fmap-cell', (els) => els.map((e) => Number(/mean (\S+)$/.exec(e.getAttribute('title')!)![1])));
  assert.deepEqual(means, [...means].sort((a, b) => b - a));
  await page.fill('#activation-zoom', '1');
  await page.dispatchEvent('#activation-zoom', 'input');
  await shot('light-layers-activations');
  await page.locator('[data-testid=activations]').screenshot({path: join(ARTIFACTS, 'light-activations-view.png')});
  // A click on the Dense row of the summary table shows its activation as a strip of 32 units.
  await page.click('tr[data-layer=dense] button');
  await page.waitForSelector('.activation-output[data-layer=dense] canvas.strip');
  assert.equal(await page.$eval('canvas.strip', (c) => (c as HTMLCanvasElement).width), 32);
  assert.match(await page.textContent('[data-testid=activation-summary]') ?? '', /dense \(Dense\) · shape \(32\)/);
  // Keyboard: the layer picker and the maps are reachable with Tab and work with the arrow keys.
  await page.focus('#activation-layer');
  await page.selectOption('#activation-layer', 'conv2d_1');
  await page.waitForSelector('.activation-output[data-layer=conv2d_1] div.fmap');
  assert.equal(await page.$$eval('.fmap-cell', (els) => els.length), 16);
  assert.equal(await page.getAttribute('.fmap-cell', 'tabindex'), '0');
  await harness.setTheme('dark');
  await shot('dark-layers-activations');
  await harness.setTheme('light');
  noViolations();
});

test('Predictions: Explain a sample: attribution beside and over the input, class and method pickers, opacity, integrated gradients\' completeness', async () => {
  const {page} = harness;
  await select('predictions');
  await page.fill('#jump-index input', '788');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid=sample-detail][data-index="788"] #sample-explain');
  await page.click('#sample-explain');
  await page.waitForSelector('[data-testid=explain][data-method=saliency]:not([data-pending]) [data-testid=attribution-map]');
  const options = await page.$$eval('#explain-class option', (os) => os.map((o) => (o as HTMLOptionElement).value));
  assert.equal(options.length, 3, `the top 3 classes: ${options}`);
  assert.equal(await page.$eval('#explain-class', (s) => (s as HTMLSelectElement).value), '9', 'the predicted class first');
  assert.match(await page.textContent('[data-testid=explain-summary]') ?? '', /Saliency of class 9: score before the softmax -?\d/);
  assert.ok(await page.$('[data-testid=attribution-overlay] canvas'));
  assert.ok(await page.$('[data-testid=colour-scale]'));
  // The map is the engine's saliency of class 9: its brightest pixel is the one of largest |gradient|.
  await page.fill('#explain-opacity', '30');
  await page.dispatchEvent('#explain-opacity', 'input');
  assert.match(await page.textContent('[data-testid=attribution-overlay] figcaption') ?? '', /30%/);
  // Another class, then integrated gradients with their completeness.
  await page.selectOption('#explain-class', options[1]!);
  await page.waitForSelector(`[data-testid=explain][data-class-index="${options[1]}"]:not([data-pending])`);
  await page.selectOption('#explain-method', 'integrated-gradients');
  await page.waitForSelector('[data-testid=explain][data-method=integrated-gradients]:not([data-pending]) [data-testid=completeness]', {timeout: 60000});
  const completeness = await page.textContent('[data-testid=completeness]') ?? '';
  const error = Number(/within (\S+)%/.exec(completeness)![1]);
  assert.ok(error <= 2, completeness);
  await page.selectOption('#explain-class', '9');
  await page.waitForSelector('[data-testid=explain][data-class-index="9"][data-method=integrated-gradients]:not([data-pending])', {timeout: 60000});
  await page.fill('#explain-opacity', '70');
  await page.dispatchEvent('#explain-opacity', 'input');
  await page.$eval('[data-testid=explain]', (e) => e.scrollIntoView());
  await shot('light-explain');
  await page.locator('[data-testid=explain]').screenshot({path: join(ARTIFACTS, 'light-explain-view.png')});
  await page.selectOption('#explain-method', 'gradcam');
  await page.waitForSelector('[data-testid=explain][data-method=gradcam]:not([data-pending]) [data-testid=attribution-map]');
  assert.match(await page.textContent('[data-testid=explain-summary]') ?? '', /Grad-CAM of class 9: .* layer conv2d_1 \(11 x 11\)/);
  // A sample's activations from the Predictions tab: the Layers tab shows them.
  await page.click('#sample-activations');
  await page.waitForSelector('[data-testid=activations][data-sample="788"] canvas');
  noViolations();
});

test('Training: Watch activations of one test sample refresh at every epoch end with the epoch; the picker (keyboard) asks the worker for another sample, watched from the next epoch end; the last view stays', async () => {
  const {page} = harness;
  const title = 'mnist.train.json';
  // The worker's side of a run watching sample 0 of the small model's test split; its epoch ends are driven here with the small model.
  const testSet = new ModelSession(small).requireTestSet();
  const run = harness.runs.begin('run-w', 0);
  run.watch.attach({test: testSet, classes: 10});
  await harness.open({kind: 'training', runId: 'run-w', title});
  await page.evaluate(() => sessionStorage.removeItem('state'));
  await harness.open({kind: 'training', runId: 'run-w', title});
  const watch = '[data-testid=watch]';
  await page.waitForSelector(`${watch} [data-testid=watch-sample] img.watch-image`);
  assert.equal(await page.textContent('[data-testid=watch-sample] figcaption'), '#0 of 10,000 · label 7');
  assert.match(await page.textContent('[data-testid=watch-status]') ?? '', /^Test sample 0's activations come at the next epoch end\.$/);
  const base = {runId: 'run-w', epochs: 3, batches: 10, elapsedSeconds: 1, etaSeconds: 5};
  await harness.sendTrainProgress({...base, kind: 'start', epoch: 1, batch: 0, logs: {}});
  for (const epoch of [1, 2]) {
    await harness.sendTrainProgress({...base, kind: 'epoch', epoch, batch: 10, logs: {loss: 1 / epoch, accuracy: 0.5}});
    await run.watch.epochEnd(epoch, 3, small.model);
    await page.waitForSelector(`${watch}[data-epoch="${epoch}"][data-sample="0"] .activation-output`);
    assert.match(await page.textContent('[data-testid=watch-epoch]') ?? '', new RegExp(`^Test sample 0 after epoch ${epoch} of 3 · predicts \\d \\(\\d+\\.\\d%\\) · worker \\d+(\\.\\d)? ms$`));
    if (epoch === 1) {
      // The Layers tab's drawing: every layer to pick, conv2d's maps with the engine's channel ranges.
      assert.deepEqual(await page.$$eval('#watch-layer option', (os) => os.map((o) => (o as HTMLOptionElement).value)), small.model.layers.map((l) => l.name));
      const titles = await page.$$eval(`${watch} .fmap-cell`, (els) => els.map((e) => e.getAttribute('title')!));
      const conv = tf.tidy(() => (small.model.getLayer('conv2d').apply(tf.tensor(testSet.x.subarray(0, 784), [1, 28, 28, 1])) as tf.Tensor).dataSync());
      assert.equal(titles.length, 8);
      titles.forEach((t, k) => {
        const expected = Math.max(...Array.from(conv).filter((_, i) => i % 8 === k));
        assert.ok(Math.abs(Number(/max (\S+),/.exec(t)![1]) - expected) <= 1e-3 * Math.max(1, expected), `channel ${k}: ${t} vs max ${expected}`);
      });
      await page.selectOption('#watch-layer', 'dense');
      await page.waitForSelector(`${watch} .activation-output[data-layer=dense] canvas.strip`);
    }
  }
  assert.equal(await page.$eval(`${watch} .activation-output`, (e) => (e as HTMLElement).dataset.layer), 'dense', 'the picked layer stays across epochs');
  await shot('light-training-watch');
  // Hidden and shown again mid-run: VS Code reloads the page; the worker's answer brings the last epoch end back.
  await harness.reshow();
  await page.waitForSelector(`${watch}[data-epoch="2"][data-sample="0"] .activation-output[data-layer=dense]`);

  // Another sample, typed: the request reaches the worker at once; its activations come at the next epoch end.
  await page.focus('#watch-index');
  await page.fill('#watch-index', '788');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid=watch-sample] figcaption')?.textContent === '#788 of 10,000 · label 9');
  assert.equal(run.watch.watched, 788);
  assert.match(await page.textContent('[data-testid=watch-status]') ?? '', /^Test sample 788's activations come at the next epoch end\.$/);
  assert.match(await page.textContent('[data-testid=watch-epoch]') ?? '', /^Test sample 0 after epoch 2 of 3/, 'the maps on screen still say whose they are');
  // An index outside the test split: one line naming the field and the range; the watched sample stays.
  await page.fill('#watch-index', '10000');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid=watch-error]');
  assert.equal(await page.textContent('[data-testid=watch-error]'), 'sample: 10000 is outside the test split: choose a whole number from 0 to 9999');
  assert.equal(await page.inputValue('#watch-index'), '788');
  assert.equal(run.watch.watched, 788);
  // Readable in every theme, the error included: the texts on the theme's background (the maps are viridis in the theme's border).
  for (const theme of ['dark', 'hc', 'hcLight', 'light'] as ThemeName[]) {
    await harness.setTheme(theme);
    const colours = await page.evaluate(() => Object.fromEntries(['[data-testid=watch-epoch]', '[data-testid=watch-sample] figcaption', '[data-testid=watch-error]', 'body']
      .map((selector) => [selector, getComputedStyle(document.querySelector(selector)!).color])));
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    for (const [selector, colour] of Object.entries(colours)) {
      assert.ok(contrast(colour, background) >= 4.5, `${theme}: ${selector} ${colour} on ${background}: ${contrast(colour, background).toFixed(2)}:1`);
    }
    if (theme !== 'light') await shot(`${theme}-training-watch`);
  }

  await harness.sendTrainProgress({...base, kind: 'epoch', epoch: 3, batch: 10, logs: {loss: 0.2, accuracy: 0.9}});
  await run.watch.epochEnd(3, 3, small.model);
  await page.waitForSelector(`${watch}[data-epoch="3"][data-sample="788"] canvas.strip`);
  assert.match(await page.textContent('[data-testid=watch-epoch]') ?? '', /^Test sample 788 after epoch 3 of 3 · predicts 9 /);
  assert.equal(await page.textContent('[data-testid=watch-status]'), '');

  // The run ends: the view stays, the picker rests; the saved model's panel keeps it and its Layers tab works as before.
  harness.runs.end('run-w');
  await harness.sendTrainProgress({...base, kind: 'end', epoch: 3, batch: 10, logs: {}});
  await page.waitForFunction(() => /^Training ended: the view after its last epoch stays\.$/.test(document.querySelector('[data-testid=watch-status]')?.textContent ?? ''));
  assert.equal(await page.$eval('#watch-index', (i) => (i as HTMLInputElement).disabled), true);
  await harness.setHostSubject({kind: 'training', runId: 'run-w', title, model: runModel.handle}, true);
  await page.waitForSelector(tab('layers'));
  await select('training');
  await page.waitForSelector(`${panel('training')} ${watch}[data-epoch="3"][data-sample="788"] canvas.strip`);
  await page.click('#watch-to-layers');
  await page.waitForSelector(`${panel('layers')}:not([hidden]) [data-testid=activations][data-sample="788"] .activation-output`);
  noViolations();
});

void ({} as ModelHandle);

/** `keras-workbench activations` and `explain` as a user runs them: files written, printed lines, one-line refusals with nothing written. */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import {spawnSync} from 'child_process';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import {PNG} from 'pngjs';
import {initBackend} from '../engine/backend';
import {saveModel, saveTarget} from '../formats';
import {encodeNpy} from '../engine/session/outputs';
import {parseNpy, readNpz} from '../engine/data/npy';
import {computeActivations} from '../engine/explain';
import {REPO_ROOT, tempDir} from '../test-support/fixtures';
import {runMain} from '../test-support/cli';

const run = (args: string[]) => runMain([...args, '--backend', 'wasm']);

function randomize(model: tfl.LayersModel, seed: number): void {
  model.setWeights(model.weights.map((w, i) => tf.randomNormal(w.shape as number[], 0, 0.3, 'float32', seed + i)));
}

/** Models saved as a user would have them, and sample files; made once, shared by the tests (each writes its own outputs). */
let made: ReturnType<typeof makeWorkspace> | undefined;
function workspace(): ReturnType<typeof makeWorkspace> {
  made ??= makeWorkspace();
  return made;
}

async function makeWorkspace() {
  await initBackend('wasm');
  const dir = tempDir();
  process.on('exit', () => fs.rmSync(dir, {recursive: true, force: true}));
  const cnn = tfl.sequential({layers: [
    tfl.layers.conv2d({inputShape: [28, 28, 1], filters: 4, kernelSize: 3, activation: 'relu', name: 'conv'}),
    tfl.layers.maxPooling2d({poolSize: 2, name: 'pool'}),
    tfl.layers.flatten({name: 'flatten'}),
    tfl.layers.dense({units: 10, activation: 'softmax', name: 'digits'}),
  ]});
  randomize(cnn, 1);
  const mlp = tfl.sequential({layers: [tfl.layers.dense({inputShape: [4], units: 3, activation: 'relu', name: 'hidden'}), tfl.layers.dense({units: 2, activation: 'softmax', name: 'out'})]});
  randomize(mlp, 2);
  const x = tfl.input({shape: [4], name: 'features'});
  const shared = tfl.layers.dense({units: 3, activation: 'tanh', name: 'shared'}).apply(x) as tfl.SymbolicTensor;
  const twoOutputs = tfl.model({inputs: x, outputs: [
    tfl.layers.dense({units: 2, activation: 'softmax', name: 'kind'}).apply(shared) as tfl.SymbolicTensor,
    tfl.layers.dense({units: 1, name: 'size'}).apply(shared) as tfl.SymbolicTensor,
  ]});
  randomize(twoOutputs, 3);
  const text = tfl.sequential({layers: [tfl.layers.embedding({inputDim: 10, outputDim: 3, inputLength: 5, name: 'embedding'}), tfl.layers.flatten({name: 'flat'}), tfl.layers.dense({units: 2, activation: 'softmax', name: 'label'})]});
  randomize(text, 4);
  const broken = tfl.sequential({layers: [tfl.layers.dense({inputShape: [4], units: 2, activation: 'softmax', name: 'out'})]});
  broken.setWeights([tf.fill([4, 2], NaN), tf.zeros([2])]);
  const paths = {
    dir,
    cnn: path.join(dir, 'cnn.keras'), mlp: path.join(dir, 'mlp'), twoOutputs: path.join(dir, 'two.h5'), text: path.join(dir, 'text.keras'), broken: path.join(dir, 'broken'),
    digit: path.join(dir, 'digit.npy'), features: path.join(dir, 'features.npy'), tokens: path.join(dir, 'tokens.npy'), wrong: path.join(dir, 'wrong.npy'), nan: path.join(dir, 'nan.npy'),
  };
  await saveModel(cnn, saveTarget(paths.cnn, {includeOptimizer: false}));
  await saveModel(mlp, saveTarget(paths.mlp, {includeOptimizer: false}));
  await saveModel(twoOutputs, saveTarget(paths.twoOutputs, {includeOptimizer: false}));
  await saveModel(text, saveTarget(paths.text, {includeOptimizer: false}));
  await saveModel(broken, saveTarget(paths.broken, {includeOptimizer: false}));
  fs.writeFileSync(paths.digit, encodeNpy(tf.randomUniform([28, 28, 1], 0, 1, 'float32', 5).dataSync() as Float32Array, [28, 28, 1]));
  fs.writeFileSync(paths.features, encodeNpy(Float32Array.from([0.5, -1, 2, 0.1]), [4]));
  fs.writeFileSync(paths.tokens, encodeNpy(Float32Array.from([1, 4, 9, 0, 2]), [5]));
  fs.writeFileSync(paths.wrong, encodeNpy(new Float32Array(27 * 28), [27, 28, 1]));
  fs.writeFileSync(paths.nan, encodeNpy(Float32Array.from([0.5, NaN, 2, 0.1]), [4]));
  return {paths, cnn};
}

test('activations MODEL --input FILE --output acts.npz: one float32 array per layer, printed statistics, --overwrite', async () => {
  const {paths, cnn} = await workspace();
  const out = path.join(paths.dir, 'acts.npz');
  const r = await run(['activations', paths.cnn, '--input', paths.digit, '--no-preprocessing', '--output', out]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^layer\s+class\s+shape\s+min\s+max\s+mean\s+zeros$/m);
  assert.match(r.out, /^conv\s+Conv2D\s+\(26, 26, 4\)\s+0\.0000\s+\S+\s+\S+\s+\d+\.\d%$/m);
  assert.match(r.out, /^digits\s+Dense\s+\(10,\)/m);
  const arrays = readNpz(out);
  assert.deepEqual([...arrays.keys()], ['conv', 'pool', 'flatten', 'digits']);
  const expected = await computeActivations(cnn, tf.tensor(parseNpy(fs.readFileSync(paths.digit), 'digit').data as Float32Array, [1, 28, 28, 1]));
  for (const a of expected) {
    const stored = arrays.get(a.name)!;
    assert.equal(stored.dtype, 'f4');
    assert.deepEqual(stored.shape, a.shape, `${a.name}: without the batch axis`);
    const data = stored.data as Float32Array;
    let worst = 0;
    for (let i = 0; i < data.length; i++) worst = Math.max(worst, Math.abs(data[i]! - a.values[i]!));
    assert.ok(worst < 1e-5, `${a.name}: as computed`);
  }
  const again = await run(['activations', paths.cnn, '--input', paths.digit, '--no-preprocessing', '--output', out, '--layer', 'pool']);
  assert.equal(again.code, 1);
  assert.match(again.err, /acts\.npz: already exists; pass --overwrite to replace it \(nothing was written\)/);
  const replaced = await run(['activations', paths.cnn, '--input', paths.digit, '--no-preprocessing', '--output', out, '--layer', 'pool', '--overwrite']);
  assert.equal(replaced.code, 0, replaced.err);
  assert.deepEqual([...readNpz(out).keys()], ['pool']);
  assert.deepEqual(fs.readdirSync(paths.dir).filter((f) => f.startsWith('.')), [], 'no temporary files left');
});

test('explain --sample with --data mnist: every method to .npy (raw, without batch axis) and .png (overlay with a scale)', async () => {
  const {paths} = await workspace();
  const npy = path.join(paths.dir, 'attr.npy');
  const saliency = await run(['explain', paths.cnn, '--data', 'mnist', '--sample', '788', '--output', npy]);
  assert.equal(saliency.code, 0, saliency.err);
  assert.match(saliency.out, /^sample 788: class \d of output 'digits', score -?\d+\.\d+ \(before softmax\), probability 0\.\d{4}$/m);
  assert.deepEqual(parseNpy(fs.readFileSync(npy), 'attr.npy').shape, [28, 28, 1]);
  const ig = await run(['explain', paths.cnn, '--data', 'mnist', '--sample', '788', '--method', 'integrated-gradients', '--baseline', 'mean', '--output', npy, '--overwrite']);
  assert.equal(ig.code, 0, ig.err);
  assert.match(ig.out, /integrated gradients: \d+ steps, baseline mean \(score -?\d+\.\d+\), completeness error (\d\.\d\d)% of \|score - baseline score\|/);
  const error = Number(/completeness error (\d+\.\d+)%/.exec(ig.out)![1]);
  assert.ok(error <= 2, `completeness ${error}%`);
  const cam = await run(['explain', paths.cnn, '--data', 'mnist', '--sample', '0', '--sample', '1', '--method', 'gradcam', '--class', '3', '--output', npy, '--overwrite']);
  assert.equal(cam.code, 0, cam.err);
  assert.match(cam.out, /^sample 1: class 3 of output 'digits'/m);
  assert.match(cam.out, /Grad-CAM on layer 'pool', map \(13, 13\)/);
  const stored = parseNpy(fs.readFileSync(npy), 'attr.npy');
  assert.deepEqual(stored.shape, [2, 13, 13], 'two samples: a leading sample axis; Grad-CAM: the layer\'s map');
  assert.ok(Array.from(stored.data as Float32Array).every((v) => v >= 0), 'after the ReLU');
  const png = path.join(paths.dir, 'attr.png');
  const smooth = await run(['explain', paths.cnn, '--data', 'mnist', '--sample', '788', '--method', 'smoothgrad', '--samples', '5', '--output', png]);
  assert.equal(smooth.code, 0, smooth.err);
  assert.match(smooth.out, /SmoothGrad: 5 noisy samples/);
  const image = PNG.sync.read(fs.readFileSync(png));
  assert.ok(image.width > 280 && image.height >= 280, `${image.width}x${image.height}: the input upsampled, a scale bar beside it`);
});

test('explain: one-line refusals naming the argument or file, exit status 1, nothing written', async () => {
  const {paths} = await workspace();
  const out = path.join(paths.dir, 'refused.npy');
  const cases: Array<[string[], RegExp]> = [
    [['explain', paths.cnn, '--input', paths.wrong, '--no-preprocessing'], /wrong\.npy: .*\(27, 28, 1\).*\(28, 28, 1\)|wrong\.npy: .*28/],
    [['explain', paths.cnn, '--input', paths.digit, '--no-preprocessing', '--class', '10'], /--class: 10 is outside the output 'digits' \(classes 0 to 9\)/],
    [['explain', paths.cnn, '--input', paths.digit, '--no-preprocessing', '--method', 'gradcam', '--layer', 'nope'], /--layer: no layer 'nope' in the model \(layers: conv, pool, flatten, digits\)/],
    [['explain', paths.cnn, '--input', paths.digit, '--no-preprocessing', '--method', 'gradcam', '--layer', 'flatten'], /--layer: 'flatten' has output shape \(None, 676\), not spatial.*such layers: conv, pool/],
    [['explain', paths.mlp, '--input', paths.features, '--method', 'gradcam'], /--layer: the model has no layer with spatial output .*Grad-CAM needs one/],
    [['explain', paths.twoOutputs, '--input', paths.features], /--model-output: the model has 2 outputs \(kind, size\); choose one by name or index/],
    [['explain', paths.twoOutputs, '--input', paths.features, '--model-output', '7'], /--model-output: output 7 does not exist: the model has outputs 0 to 1/],
    [['explain', paths.mlp, '--input', paths.nan], /nan\.npy: holds NaN or infinite values/],
    [['explain', paths.broken, '--input', paths.features], /broken: the weight 'out\/kernel' holds NaN or infinite values/],
    [['explain', paths.cnn, '--input', paths.digit, '--method', 'lime'], /--method: expected saliency, smoothgrad, integrated-gradients or gradcam, got 'lime'/],
    [['explain', paths.cnn, '--input', paths.digit, '--method', 'integrated-gradients', '--baseline', 'ones'], /--baseline: expected zeros, mean or blur, got 'ones'/],
    [['explain', paths.cnn, '--input', paths.digit, '--steps', '0'], /--steps: expected a whole number of at least 1, got '0'/],
    [['activations', paths.cnn, '--input', paths.digit, '--no-preprocessing', '--layer', 'nope'], /--layer: no layer 'nope' in the model/],
  ];
  for (const [args, expected] of cases) {
    const output = args[0] === 'activations' ? path.join(paths.dir, 'refused.npz') : out;
    const r = await run([...args, '--output', output]);
    assert.equal(r.code, 1, `${args.join(' ')}: ${r.err}`);
    assert.equal(r.err.trim().split('\n').filter((l) => !l.startsWith('Warning:')).length, 1, r.err);
    assert.match(r.err, expected);
    assert.ok(!fs.existsSync(output), `${args.join(' ')}: nothing written`);
  }
  assert.deepEqual(fs.readdirSync(paths.dir).filter((f) => f.startsWith('.')), [], 'no temporary files left');
  const folder = await run(['explain', paths.mlp, '--input', paths.features, '--output', paths.mlp + '.npy', '--overwrite']);
  assert.equal(folder.code, 0, folder.err);
  const noOutput = await run(['explain', paths.mlp, '--input', paths.features]);
  assert.match(noOutput.err, /--output: needed, a file ending in \.npy or \.png/);
  const wrongExtension = await run(['explain', paths.mlp, '--input', paths.features, '--output', path.join(paths.dir, 'a.csv')]);
  assert.match(wrongExtension.err, /--output: .*a\.csv must end in \.npy or \.png/);
});

test('integer token inputs are explained from the Embedding output and say so; a real process exits 1 on a bad class', async () => {
  const {paths} = await workspace();
  const out = path.join(paths.dir, 'token-attributions.npy');
  const r = await run(['explain', paths.text, '--input', paths.tokens, '--method', 'integrated-gradients', '--output', out]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /note: the input '\w+' holds integer token ids, which have no gradient: attributions are for the output of the Embedding layer 'embedding'/);
  assert.deepEqual(parseNpy(fs.readFileSync(out), 'token-attributions.npy').shape, [5, 3]);
  const target = path.join(paths.dir, 'never.npy');
  const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'src', 'cli', 'main.ts'), 'explain', paths.mlp, '--input', paths.features, '--class', '2', '--output', target, '--backend', 'wasm'],
    {cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000});
  assert.equal(child.status, 1, child.stderr);
  assert.equal(child.stderr, 'keras-workbench explain: --class: 2 is outside the output \'out\' (classes 0 to 1)\n');
  assert.ok(!fs.existsSync(target));
});

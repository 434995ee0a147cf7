/**
 * Runs a TF.js folder in stock TensorFlow.js, as a web page would: tf.loadLayersModel with a
 * file handler that reads model.json and its shards as tfjs-node's file:// handler does, and none
 * of Keras Workbench's layer classes registered. Run as its own process (so no registration of
 * ours can leak in): `node --import tsx stock-tfjs.ts JOB.json`, where JOB.json is
 * {models: [{dir, input: {data, shape}}]}; prints one JSON line per model: {output} or {error}.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';

function registeredClasses(): Map<string, unknown> {
  return new Map(Object.entries(tf.serialization.SerializationMap.getMap().classNameMap).map(([k, v]) => [k, v[0]]));
}

function fileHandler(dir: string): tf.io.IOHandler {
  return {
    async load() {
      const json = JSON.parse(fs.readFileSync(path.join(dir, 'model.json'), 'utf8'));
      const specs: tf.io.WeightsManifestEntry[] = [];
      const buffers: Buffer[] = [];
      for (const group of json.weightsManifest ?? []) {
        for (const p of group.paths) buffers.push(fs.readFileSync(path.join(dir, p)));
        specs.push(...group.weights);
      }
      const joined = Buffer.concat(buffers);
      return {
        modelTopology: json.modelTopology,
        weightSpecs: specs,
        weightData: joined.buffer.slice(joined.byteOffset, joined.byteOffset + joined.byteLength),
        format: json.format,
        generatedBy: json.generatedBy,
        convertedBy: json.convertedBy,
      };
    },
  };
}

async function main(): Promise<void> {
  const stock = registeredClasses();
  // tfjs-layers calls chained tensor methods (x.flatten() in the Orthogonal initializer) that the
  // browser bundle installs and the CommonJS build lacks; this installs methods only, no layers.
  const {installChainedTensorMethods} = await import('../keras/config-layers');
  installChainedTensorMethods();
  const after = registeredClasses();
  for (const [name, cls] of after) {
    if (stock.get(name) !== cls) throw new Error(`layer class '${name}' was registered by Keras Workbench code: not stock TensorFlow.js`);
  }
  await tf.setBackend('cpu');
  const job = JSON.parse(fs.readFileSync(process.argv[2], 'utf8')) as {models: Array<{dir: string; input: {data: number[]; shape: number[]}}>};
  for (const {dir, input} of job.models) {
    try {
      const model = await tfl.loadLayersModel(fileHandler(dir));
      // Several outputs: all of them, flattened one after the other.
      const y = tf.tidy(() => {
        const out = model.predict(tf.tensor(input.data, input.shape));
        return Array.isArray(out) ? tf.concat(out.map((o) => tf.reshape(o, [-1]))) : out;
      });
      process.stdout.write(`${JSON.stringify({output: Array.from(await y.data()), shape: y.shape})}\n`);
      y.dispose();
      model.dispose();
    } catch (e) {
      process.stdout.write(`${JSON.stringify({error: String((e as Error).message ?? e).split('\n')[0]})}\n`);
    }
  }
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exit(1);
});

// The throw-away workspace the integration and e2e tests open.
import {cpSync, mkdirSync, writeFileSync} from 'node:fs';
import {join, resolve} from 'node:path';

const repo = resolve(import.meta.dirname, '..', '..');
const fixtures = resolve(repo, 'test', 'fixtures');

export function makeWorkspace(dir, {sampleLimit = 300, epochs = 0} = {}) {
  mkdirSync(join(dir, '.vscode'), {recursive: true});
  cpSync(join(repo, 'test', 'fixtures', 'small-cnn.train.json'), join(dir, 'small.train.json'));
  // The reference model's spec, exactly as New Training Spec writes it.
  cpSync(join(repo, 'examples', 'mnist-cnn.train.json'), join(dir, 'mnist-cnn.train.json'));
  cpSync(join(fixtures, 'keras', 'tfjs', 'tfjs_node_saved_abalone_dense'), join(dir, 'existing-model'), {recursive: true});
  // Opened by double-click (the model editor): a Keras HDF5 model, and a model.json that is not TensorFlow.js's.
  cpSync(join(fixtures, 'keras', 'h5', 'keras2.3.1_seq_conv2d_maxpool_dropout_dense.hdf5'), join(dir, 'opened.h5'));
  mkdirSync(join(dir, 'not-tfjs'), {recursive: true});
  writeFileSync(join(dir, 'not-tfjs', 'model.json'), JSON.stringify({name: 'a model.json of another tool'}, null, 2));
  writeFileSync(join(dir, '.vscode', 'settings.json'), JSON.stringify({
    'kerasWorkbench.training.sampleLimit': sampleLimit,
    'kerasWorkbench.training.epochs': epochs,
    'kerasWorkbench.offerNativeBackend': false,
  }, null, 2));
  return dir;
}

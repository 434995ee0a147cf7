// The throw-away workspace the integration and e2e tests open.
import {cpSync, mkdirSync, writeFileSync} from 'node:fs';
import {join, resolve} from 'node:path';

const repo = resolve(import.meta.dirname, '..', '..');
const shared = resolve(repo, '..', 'shared');

export function makeWorkspace(dir, {sampleLimit = 300} = {}) {
  mkdirSync(join(dir, '.vscode'), {recursive: true});
  cpSync(join(repo, 'test', 'fixtures', 'small-cnn.train.json'), join(dir, 'small.train.json'));
  cpSync(join(shared, 'fixtures', 'keras', 'tfjs', 'tfjs_node_saved_abalone_dense'), join(dir, 'existing-model'), {recursive: true});
  writeFileSync(join(dir, '.vscode', 'settings.json'), JSON.stringify({
    'kerasWorkbench.training.sampleLimit': sampleLimit,
    'kerasWorkbench.offerNativeBackend': false,
  }, null, 2));
  return dir;
}

// The worker's exportKerasScript request over the real IPC channel (the extension host's path).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {fork, spawnSync} from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {createMessageConnection, IPCMessageReader, IPCMessageWriter} from 'vscode-jsonrpc/node';
import * as msg from '../protocol/messages';
import {SYSTEM_PYTHON} from '../test-support/fixtures';

test('worker: exportKerasScript returns a compiling script and its place next to the spec; a bad spec is one message', async () => {
  const child = fork(path.resolve('src/worker/main.ts'), [], {execArgv: ['--import', 'tsx'], silent: true});
  const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  connection.listen();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-export-worker-'));
  try {
    await connection.sendRequest(msg.initialize, {backendPreference: 'cpu'});
    const specPath = path.join(root, 'small-cnn.train.json');
    fs.copyFileSync(path.resolve('test/fixtures/small-cnn.train.json'), specPath);
    const {script, scriptPath} = await connection.sendRequest(msg.exportKerasScript, {specPath, workspaceRoot: root, distributed: true});
    assert.equal(scriptPath, path.join(root, 'small-cnn.train.py'));
    assert.ok(script.includes('exported by Keras Workbench from small-cnn.train.json'));
    assert.ok(script.includes('keras.distribution.DataParallel'));
    fs.writeFileSync(scriptPath, script);
    const r = spawnSync(SYSTEM_PYTHON, ['-m', 'py_compile', scriptPath], {encoding: 'utf8'});
    assert.equal(r.status, 0, r.stderr);
    fs.writeFileSync(specPath, '{"data": {"dataset": "mnist"}, "model": {"from": "models/m"}, "compile": {"optimizer": "adam", "loss": "mse"}, "fit": {}, "save": {"path": "x"}}');
    await assert.rejects(connection.sendRequest(msg.exportKerasScript, {specPath, workspaceRoot: root, distributed: false}),
      (e: Error) => /^[^\n]*small-cnn\.train\.json: model\.from: 'models\/m' is not a \.keras or \.h5 file, which is what Keras loads; convert it first \(keras-workbench convert models\/m models\/m\.keras\)[^\n]*$/.test(e.message));
  } finally {
    connection.dispose();
    child.kill('SIGKILL');
    fs.rmSync(root, {recursive: true, force: true});
  }
});

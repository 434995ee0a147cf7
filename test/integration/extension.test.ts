/**
 * The extension inside a real VS Code extension host: activation, menus' context keys, Train
 * Model, Load Model, Save Model As…, New Training Spec, and recovery from a killed worker.
 * The workspace (made by scripts/vscode/run-integration.mjs) holds `small.train.json` (a small
 * CNN on MNIST), `existing-model/` (a real TF.js model) and a sample limit in its settings.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type {ModelHandle} from '../../src/protocol/messages';
import type {TrainOutcome} from '../../src/extension/commands/train';
import {activeApi, EXTENSION_ID, waitFor, withSettings, workspaceRoot} from './helpers';

suite('Keras Workbench extension', () => {
  test('activates quickly, without TensorFlow.js and without starting the worker', async () => {
    const api = await activeApi();
    console.log(`[measure] activation: ${api.activationMs.toFixed(1)} ms`);
    assert.ok(api.activationMs < 1000, `activation took ${api.activationMs} ms`);
    assert.equal(api.workerPid(), undefined, 'activation does not start the worker');
    const loadedTfjs = Object.keys(require.cache).filter((k) => k.includes('@tensorflow'));
    assert.deepEqual(loadedTfjs, [], 'the extension host loaded no TensorFlow.js module');
  });

  test('every contributed command is registered under the Keras category', async () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as {contributes: {commands: Array<{command: string; category: string}>}};
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const c of manifest.contributes.commands) {
      assert.ok(registered.has(c.command), `${c.command} is registered`);
      assert.equal(c.category, 'Keras');
    }
  });

  test('folders holding a model.json are published for the explorer menus', async () => {
    const api = await activeApi();
    const folders = await api.modelFolders();
    assert.ok(folders.includes(path.join(workspaceRoot(), 'existing-model')), `model folders: ${folders.join(', ')}`);
  });

  test('Train Model trains the spec, saves the model and reports progress', async () => {
    const api = await activeApi();
    const spec = vscode.Uri.file(path.join(workspaceRoot(), 'small.train.json'));
    const outcome = await vscode.commands.executeCommand<TrainOutcome>('kerasWorkbench.trainModel', spec);
    assert.equal(outcome.error, undefined);
    assert.ok(outcome.result);
    console.log(`[measure] Train Model -> first progress: ${outcome.firstProgressMs} ms (cold worker)`);
    assert.equal(outcome.result.epochsRun, 1);
    const modelPath = path.join(workspaceRoot(), 'models', 'small-cnn');
    assert.equal(outcome.result.modelPath, modelPath);
    assert.ok(fs.existsSync(path.join(modelPath, 'model.json')));
    assert.ok((outcome.firstProgressMs ?? Infinity) < outcome.result.wallSeconds * 1000 + 30_000);
    assert.ok((await api.modelFolders()).includes(modelPath), 'the new model folder gets the explorer menu');
    assert.ok(api.workerPid(), 'the worker keeps running for the next command');
  });

  test('the Runs view lists the run Train Model recorded; Compare and Open Spec as it was open on it', async () => {
    const api = await activeApi();
    const spec = vscode.Uri.file(path.join(workspaceRoot(), 'small.train.json'));
    const before = new Set((await api.runs()).map((r) => r.id));
    const outcome = await vscode.commands.executeCommand<TrainOutcome>('kerasWorkbench.trainModel', spec);
    assert.ok(outcome.result, outcome.error);
    // The view lists again after the watcher's events settle; listing on demand is what the view shows next.
    const run = await waitFor('the new run in the Runs view', async () =>
      (await api.runs()).find((r) => !before.has(r.id) && r.status === 'finished'));
    assert.equal(run.spec, spec.fsPath);
    assert.equal(run.epochs, 1);
    assert.equal(run.modelPath, path.join(workspaceRoot(), 'models', 'small-cnn'));
    assert.ok(fs.existsSync(path.join(workspaceRoot(), 'runs', run.id, 'run.json')), `runs/${run.id}/run.json`);

    const compared = await vscode.commands.executeCommand<string[]>('kerasWorkbench.runs.compare', {kind: 'run', run});
    assert.deepEqual(compared, [run.id]);
    await waitFor('the comparison tab', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs)
      .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('kerasWorkbench.runComparison')));

    const uri = await vscode.commands.executeCommand<vscode.Uri>('kerasWorkbench.runs.openSpec', {kind: 'run', run});
    assert.equal(uri?.scheme, 'keras-run');
    const shown = await waitFor('the spec snapshot in an editor', () => vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri!.toString()));
    assert.equal(shown.document.getText(), fs.readFileSync(spec.fsPath, 'utf8'));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('the live curves open beside the spec without taking its focus; the panel is then titled with the model file', async () => {
    const api = await activeApi();
    const spec = vscode.Uri.file(path.join(workspaceRoot(), 'small.train.json'));
    const editor = await vscode.window.showTextDocument(spec);
    const focusedDuringRun: Array<string | undefined> = [];
    const listener = api.onTrainProgress((p) => {
      if (p.kind === 'batch' && focusedDuringRun.length < 3) focusedDuringRun.push(vscode.window.activeTextEditor?.document.uri.fsPath);
    });
    // The live panel watches test sample 0: its activations reach the host at the (one) epoch end.
    const watched: Array<[number, number, number]> = [];
    const watching = api.onTrainActivations((a) => watched.push([a.epoch, a.sample.index, a.result?.layers.length ?? 0]));
    let outcome: TrainOutcome;
    try {
      outcome = await vscode.commands.executeCommand<TrainOutcome>('kerasWorkbench.trainModel', spec);
    } finally {
      listener.dispose();
      watching.dispose();
    }
    assert.ok(outcome.result, outcome.error);
    assert.deepEqual(watched, [[1, 0, 3]], 'one epoch end, sample 0, the 3 layers of the small CNN');
    assert.ok(focusedDuringRun.length > 0, 'progress arrived');
    assert.deepEqual(focusedDuringRun, focusedDuringRun.map(() => spec.fsPath), 'the spec keeps the focus while training');
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, editor.document.uri.fsPath, 'and after it');
    // The tab model follows the panel's new title once the window has applied it.
    const labels = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label));
    await waitFor(`the inspector tab titled with the model file (tabs: ${labels().join(', ')})`,
      () => labels().some((l) => /^Inspector: .+ \(models\/small-cnn\)$/.test(l)) || undefined, 10_000);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a second training on a warm worker reports progress quickly', async () => {
    const spec = vscode.Uri.file(path.join(workspaceRoot(), 'small.train.json'));
    const outcome = await vscode.commands.executeCommand<TrainOutcome>('kerasWorkbench.trainModel', spec);
    assert.ok(outcome.result, outcome.error);
    console.log(`[measure] Train Model -> first progress: ${outcome.firstProgressMs} ms (warm worker)`);
  });

  test('Load Model loads in the worker and opens the inspector; Save Model As… writes tfjs, .h5 and .keras', async () => {
    const folder = vscode.Uri.file(path.join(workspaceRoot(), 'existing-model'));
    const handle = await vscode.commands.executeCommand<ModelHandle>('kerasWorkbench.loadModel', folder);
    assert.ok(handle, 'the model loads');
    assert.deepEqual(handle.summary.rows.map((r) => r.className), ['Dense', 'Dense', 'Dense']);
    assert.equal(handle.summary.totalParams, 3051);
    await waitFor('the inspector tab', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs)
      .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('kerasWorkbench')));

    const copy = path.join(workspaceRoot(), 'models', 'abalone-copy');
    const saved = await vscode.commands.executeCommand<string>('kerasWorkbench.saveModelAs', {modelId: handle.modelId, path: copy, format: 'tfjs'});
    assert.equal(saved, copy);
    assert.ok(fs.existsSync(path.join(copy, 'model.json')));
    const reloaded = await vscode.commands.executeCommand<ModelHandle>('kerasWorkbench.loadModel', vscode.Uri.file(copy));
    assert.equal(reloaded.summary.totalParams, 3051);

    for (const format of ['h5', 'keras'] as const) {
      const file = path.join(workspaceRoot(), 'models', `abalone.${format}`);
      assert.equal(await vscode.commands.executeCommand('kerasWorkbench.saveModelAs', {modelId: handle.modelId, path: file, format}), file);
      const again = await vscode.commands.executeCommand<ModelHandle>('kerasWorkbench.loadModel', vscode.Uri.file(file));
      assert.ok(again, `${file} loads back`);
      assert.equal(again.summary.totalParams, 3051);
      assert.equal(again.format, format);
    }
  });

  test('opening a model file shows the inspector as its editor; opening it again is the same model session', async () => {
    const api = await activeApi();
    const file = vscode.Uri.file(path.join(workspaceRoot(), 'opened.h5'));
    const loadedBefore = api.loadedModelPaths().filter((p) => p === file.fsPath).length;
    await vscode.commands.executeCommand('vscode.open', file);
    const tab = await waitFor('the model editor tab', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs)
      .find((t) => t.input instanceof vscode.TabInputCustom && t.input.viewType === 'kerasWorkbench.modelEditor' && t.input.uri.fsPath === file.fsPath));
    await waitFor('the model loaded in the worker', () => api.loadedModelPaths().includes(file.fsPath) || undefined);
    await vscode.window.tabGroups.close(tab);
    await vscode.commands.executeCommand('vscode.open', file);
    await vscode.commands.executeCommand('vscode.openWith', file, 'kerasWorkbench.modelEditor', vscode.ViewColumn.Beside);
    await waitFor('two editors on the file', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs)
      .filter((t) => t.input instanceof vscode.TabInputCustom && t.input.uri.fsPath === file.fsPath).length === 2 || undefined);
    assert.equal(api.loadedModelPaths().filter((p) => p === file.fsPath).length, Math.max(1, loadedBefore), 'one model session for the file');

    // A model.json of another tool opens as text, not as a model.
    const other = vscode.Uri.file(path.join(workspaceRoot(), 'not-tfjs', 'model.json'));
    await vscode.commands.executeCommand('vscode.open', other);
    await waitFor('the text editor on the other tool\'s model.json', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs)
      .find((t) => t.input instanceof vscode.TabInputText && t.input.uri.fsPath === other.fsPath));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Load Model on something that is not a model fails without throwing', async () => {
    const notAModel = vscode.Uri.file(path.join(workspaceRoot(), 'small.train.json'));
    assert.equal(await vscode.commands.executeCommand('kerasWorkbench.loadModel', notAModel), undefined);
  });

  test('an existing target with "overwrite": false is refused when confirmation is off', async () => {
    const root = workspaceRoot();
    const specPath = path.join(root, 'no-overwrite.train.json');
    fs.writeFileSync(specPath, fs.readFileSync(path.join(root, 'small.train.json'), 'utf8')
      .replace('"overwrite": true', '"overwrite": false').replace('models/small-cnn', 'existing-model'));
    const before = fs.readFileSync(path.join(root, 'existing-model', 'model.json'), 'utf8');
    const outcome = await withSettings({confirmOverwrite: false}, async () =>
      vscode.commands.executeCommand<TrainOutcome>('kerasWorkbench.trainModel', vscode.Uri.file(specPath)));
    assert.match(outcome.error ?? '', /already exists/);
    assert.equal(fs.readFileSync(path.join(root, 'existing-model', 'model.json'), 'utf8'), before, 'the model is untouched');
  });

  test('New Training Spec writes the reference spec and opens it', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('kerasWorkbench.newTrainingSpec');
    assert.ok(uri && uri.fsPath.endsWith('.train.json'));
    const text = fs.readFileSync(uri.fsPath, 'utf8');
    assert.match(text, /"filters": 128/);
    assert.doesNotMatch(text, /\$schema/);
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, uri.fsPath);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    fs.rmSync(uri.fsPath);
  });

  test('Cancel Training stops the run after the current batch and leaves the saved model alone', async () => {
    const api = await activeApi();
    const spec = vscode.Uri.file(path.join(workspaceRoot(), 'small.train.json'));
    const modelJson = path.join(workspaceRoot(), 'models', 'small-cnn', 'model.json');
    const before = fs.statSync(modelJson).mtimeMs;
    const outcome = await withSettings({'training.sampleLimit': 5000, 'training.epochs': 3}, async () => {
      let cancelled = false;
      const listener = api.onTrainProgress((p) => {
        if (!cancelled && p.kind === 'batch') {
          cancelled = true;
          void vscode.commands.executeCommand('kerasWorkbench.cancelTraining');
        }
      });
      try {
        return await vscode.commands.executeCommand<TrainOutcome>('kerasWorkbench.trainModel', spec);
      } finally {
        listener.dispose();
      }
    });
    assert.equal(outcome.error, undefined);
    assert.equal(outcome.result?.cancelled, true);
    assert.equal(outcome.result?.epochsRun, 0);
    assert.equal(fs.statSync(modelJson).mtimeMs, before, 'the model saved earlier is untouched');
  });

  test('a worker killed with SIGKILL mid-training gives an error, and the next Train Model succeeds', async () => {
    const api = await activeApi();
    const spec = vscode.Uri.file(path.join(workspaceRoot(), 'small.train.json'));
    const outcome = await withSettings({'training.sampleLimit': 5000, 'training.epochs': 3}, async () => {
      let killed = false;
      const listener = api.onTrainProgress((p) => {
        const pid = api.workerPid();
        if (!killed && p.kind === 'batch' && pid) {
          killed = true;
          process.kill(pid, 'SIGKILL');
        }
      });
      try {
        return await vscode.commands.executeCommand<TrainOutcome>('kerasWorkbench.trainModel', spec);
      } finally {
        listener.dispose();
      }
    });
    assert.equal(outcome.result, undefined);
    assert.match(outcome.error ?? '', /killed by SIGKILL/);
    assert.match(outcome.error ?? '', /Last log lines:/);
    assert.equal(api.workerPid(), undefined, 'the dead worker is forgotten');

    const second = await vscode.commands.executeCommand<TrainOutcome>('kerasWorkbench.trainModel', spec);
    assert.equal(second.error, undefined);
    assert.equal(second.result?.epochsRun, 1);
    assert.ok(api.workerPid(), 'a fresh worker runs');
  });
});

suite('Native backend', () => {
  test('Install Native Backend installs @tensorflow/tfjs-node or says plainly why it cannot', async function () {
    this.timeout(300_000);
    const outcome = await vscode.commands.executeCommand<{ok: boolean; message: string}>('kerasWorkbench.installNativeBackend');
    console.log(`[measure] native backend install: ${outcome.ok ? 'installed' : 'not possible here'}: ${outcome.message}`);
    if (outcome.ok) {
      assert.match(outcome.message, /tfjs-node/);
    } else {
      assert.match(outcome.message, /libtensorflow|package registry/);
      assert.match(outcome.message, /keeps using the WebAssembly backend/);
    }
  });
});

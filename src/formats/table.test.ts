/**
 * The format table is the one list of formats: what package.json, the spec schema, the CLI and
 * the readers say about formats is checked against it here (a failure prints the value to write).
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import {REPO_ROOT, KERAS_FIXTURES} from '../test-support/fixtures';
import {FORMAT_TABLE, SAVE_FORMATS, explorerLoadWhen, explorerModelWhen, fileFormatOf, modelActivationEvents, modelEditorFilePatterns,
  saveFormatFromPath, saveFormatHelp} from './table';
import {availableSaveFormats, detectFormat} from './index';
import {help} from '../cli/main';

const json = (file: string) => JSON.parse(fs.readFileSync(path.join(REPO_ROOT, file), 'utf8'));

test('package.json explorer menus and activation events are the ones the format table gives', () => {
  const pkg = json('package.json');
  const menu = (command: string) => pkg.contributes.menus['explorer/context'].find((m: {command: string}) => m.command === command)?.when;
  assert.equal(menu('kerasWorkbench.loadModel'), explorerLoadWhen(), 'package.json contributes.menus explorer/context loadModel "when"');
  assert.equal(menu('kerasWorkbench.openInspector'), explorerModelWhen(), 'package.json contributes.menus explorer/context openInspector "when"');
  for (const event of modelActivationEvents()) assert.ok(pkg.activationEvents.includes(event), `package.json activationEvents lacks "${event}"`);
});

test('the spec schema\'s save.format is the table\'s save formats', () => {
  const format = json('schemas/train-spec.schema.json').properties.save.properties.format;
  assert.deepEqual(format.enum, SAVE_FORMATS, 'schemas/train-spec.schema.json save.format.enum');
  assert.equal(format.description, `${saveFormatHelp()}. Default: from the path's extension, else tfjs.`, 'schemas/train-spec.schema.json save.format.description');
});

test('readers and writers are registered for exactly the table\'s formats; the CLI help lists them', async () => {
  assert.deepEqual([...availableSaveFormats()].sort(), [...SAVE_FORMATS].sort());
  const convertHelp = help('convert');
  for (const f of FORMAT_TABLE) assert.ok(convertHelp.includes(f.label), `convert --help names ${f.label}`);
  assert.match(convertHelp, new RegExp(`--format F +OUT's format: ${SAVE_FORMATS.join(' \\| ')}`));
  // Every folder and file format is recognized by content where the table says it is.
  const samples: Record<string, string> = {
    tfjs: 'tfjs/tfjs_node_saved_abalone_dense', savedmodel: 'savedmodel/tfkeras2.11_functional_flatten_dense',
    h5: 'h5/keras2.3.1_seq_conv2d_maxpool_dropout_dense.hdf5', keras: 'keras3/keras3.9.2_seq_dense_dropout_leakyrelu.keras',
  };
  for (const f of FORMAT_TABLE) {
    const sample = path.join(KERAS_FIXTURES, samples[f.id]);
    assert.equal((await detectFormat(sample)).format, f.id, sample);
    if (f.kind === 'folder') assert.ok(f.markerFiles.some((m) => fs.existsSync(path.join(sample, m))), `${sample} has a ${f.id} marker`);
    else assert.equal(fileFormatOf(sample)?.id, f.id);
  }
  assert.equal(saveFormatFromPath('m.HDF5'), 'h5');
  assert.equal(saveFormatFromPath('m.keras'), 'keras');
  assert.equal(saveFormatFromPath('models/m'), 'tfjs');
});

test('the model editor opens every model file and folder marker of the table, by default', () => {
  const editors = json('package.json').contributes.customEditors as {viewType: string; selector: {filenamePattern: string}[]; priority: string}[];
  const editor = editors.find((e) => e.viewType === 'kerasWorkbench.modelEditor');
  assert.ok(editor, 'package.json contributes.customEditors has kerasWorkbench.modelEditor');
  assert.deepEqual(editor.selector.map((s) => s.filenamePattern), modelEditorFilePatterns(), 'package.json customEditors selector');
  assert.equal(editor.priority, 'default');
  assert.ok(json('package.json').activationEvents.includes('onCustomEditor:kerasWorkbench.modelEditor'));
});

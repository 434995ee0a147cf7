// What a person does with the packaged extension, in a real VS Code (code-server) driven by
// Playwright: palette -> Keras: Train Model on a spec (the reference model on an MNIST subset) -> success notification -> the model
// folder in the explorer -> right-click -> Load Model -> the inspector shows the layer rows.
// Screenshots go to .test-artifacts/e2e-*.png.
import assert from 'node:assert/strict';
import {join} from 'node:path';
import {contextMenu, contextMenuLabels, explorerRow, pickQuickItem, runCommand, STEP_TIMEOUT, waitForFrameText, waitForNotification} from './workbench.mjs';

const SHOT_DIR = process.env.KW_ARTIFACTS;

export async function trainLoadInspect(page, {spec = 'small.train.json', model = 'small-cnn'}) {
  const shot = (name) => page.screenshot({path: join(SHOT_DIR, `e2e-${name}.png`)});
  const measures = {};
  const t0 = Date.now();

  await page.locator('.monaco-workbench .explorer-folders-view').waitFor({timeout: STEP_TIMEOUT});
  await page.locator('.explorer-folders-view .monaco-list-row', {hasText: spec}).waitFor({timeout: STEP_TIMEOUT});
  await shot('1-workbench');

  // The explorer menus follow their `when` clauses: Train Model on specs, Load Model on model folders only.
  // (Contributed menu items appear once the remote extension host has registered the extension.)
  // The model-folder key is set once the extension has activated and searched the workspace.
  const onSpec = await menuOnceItShows(page, explorerRow(page, spec), 'Train Model');
  assert.ok(onSpec.includes('Train Model'), `menu on a spec: ${onSpec}`);
  measures.menuOnSpecAfterMs = Date.now() - t0;
  const onModel = await menuOnceItShows(page, explorerRow(page, 'existing-model'), 'Load Model');
  measures.menuOnModelFolderAfterMs = Date.now() - t0;
  assert.ok(onModel.includes('Load Model') && !onModel.includes('Train Model'), `menu on a model folder: ${onModel}`);
  assert.ok(!(await contextMenuLabels(page, explorerRow(page, '.vscode'))).includes('Load Model'), 'no Load Model on other folders');

  await runCommand(page, 'Keras: Train Model');
  await page.locator('.quick-input-widget .monaco-list-row', {hasText: spec}).first().waitFor({timeout: STEP_TIMEOUT});
  await shot('2-pick-spec');
  const startedTraining = Date.now();
  await pickQuickItem(page, spec);

  const status = page.locator('.statusbar-item', {hasText: /Keras: epoch/});
  await status.first().waitFor({timeout: STEP_TIMEOUT});
  measures.specChosenToFirstProgressMs = Date.now() - startedTraining;
  await shot('3-training');

  const success = await waitForNotification(page, new RegExp(`Saved to models/${model}`));
  measures.specChosenToSuccessMs = Date.now() - startedTraining;
  assert.match(success, new RegExp(`Trained ${model} for 1 epoch`));
  await shot('4-success-notification');
  await page.keyboard.press('Escape');
  // The live-curves panel of the run now shows the model too: close it so that the inspector
  // checked below is the one Load Model opens.
  await runCommand(page, 'View: Close All Editors');

  const modelsRow = explorerRow(page, 'models');
  await modelsRow.waitFor({timeout: STEP_TIMEOUT});
  await modelsRow.click();
  const modelRow = explorerRow(page, model);
  await modelRow.waitFor({timeout: STEP_TIMEOUT});
  await shot('5-model-folder');

  await contextMenu(page, modelRow, 'Load Model');
  const openedAt = Date.now();
  const frame = await waitForFrameText(page, ['Conv2D', 'Flatten', 'Dense']);
  measures.loadModelToLayerRowsMs = Date.now() - openedAt;
  const text = await frame.locator('body').innerText();
  assert.match(text, /conv2d/i);
  assert.match(text, /Total params/i);
  await shot('6-inspector');

  // The run Train Model recorded, in the Runs view (grouped by its spec, with its status and best metric).
  await runCommand(page, 'Keras Workbench: Focus on Runs View');
  await page.locator('.monaco-list-row', {hasText: spec}).first().waitFor({timeout: STEP_TIMEOUT});
  await page.locator('.monaco-list-row', {hasText: /val_accuracy|accuracy|loss/}).first().waitFor({timeout: STEP_TIMEOUT});
  await shot('6-runs-view');

  // VS Code's own measure of the activation, as the Extensions view shows it.
  await runCommand(page, 'View: Show Extensions');
  const item = page.locator('.extension-list-item', {hasText: 'Keras Workbench'});
  await item.first().waitFor({timeout: STEP_TIMEOUT});
  measures.vscodeActivation = (await item.first().innerText()).match(/\d+\s*ms/)?.[0];
  await shot('7-extensions-view');
  return measures;
}

async function menuOnceItShows(page, row, label) {
  const until = Date.now() + STEP_TIMEOUT;
  let labels = [];
  while (!labels.includes(label) && Date.now() < until) labels = await contextMenuLabels(page, row);
  return labels;
}

// What a person does with the packaged extension, in a real VS Code (code-server) driven by
// Playwright: palette -> Keras: Train Model on a small spec -> success notification -> the model
// folder in the explorer -> right-click -> Load Model -> the inspector shows the layer rows.
// Screenshots go to .test-artifacts/e2e-*.png.
import assert from 'node:assert/strict';
import {join} from 'node:path';

const SHOT_DIR = process.env.KW_ARTIFACTS;
const STEP_TIMEOUT = 120_000;

export async function trainLoadInspect(page, {workspace}) {
  const shot = (name) => page.screenshot({path: join(SHOT_DIR, `e2e-${name}.png`)});
  const measures = {};

  await page.locator('.monaco-workbench .explorer-folders-view').waitFor({timeout: STEP_TIMEOUT});
  await page.locator('.explorer-folders-view .monaco-list-row', {hasText: 'small.train.json'}).waitFor({timeout: STEP_TIMEOUT});
  await shot('1-workbench');

  await runCommand(page, 'Keras: Train Model');
  const specRow = page.locator('.quick-input-widget .monaco-list-row', {hasText: 'small.train.json'});
  await specRow.first().waitFor({timeout: STEP_TIMEOUT});
  await shot('2-pick-spec');
  const startedTraining = Date.now();
  await page.keyboard.press('Enter');

  const status = page.locator('.statusbar-item', {hasText: /Keras: epoch/});
  await status.first().waitFor({timeout: STEP_TIMEOUT});
  measures.specChosenToFirstProgressMs = Date.now() - startedTraining;
  await shot('3-training');

  const success = await waitForNotification(page, /Saved to models\/small-cnn/);
  measures.specChosenToSuccessMs = Date.now() - startedTraining;
  assert.match(success, /Trained small-cnn for 1 epoch/);
  await shot('4-success-notification');
  await page.keyboard.press('Escape');

  const modelsRow = explorerRow(page, 'models');
  await modelsRow.waitFor({timeout: STEP_TIMEOUT});
  await modelsRow.click();
  const modelRow = explorerRow(page, 'small-cnn');
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

  // VS Code's own measure of the activation, as the Extensions view shows it.
  await runCommand(page, 'View: Show Extensions');
  const item = page.locator('.extension-list-item', {hasText: 'Keras Workbench'});
  await item.first().waitFor({timeout: STEP_TIMEOUT});
  measures.vscodeActivation = (await item.first().innerText()).match(/\d+\s*ms/)?.[0];
  await shot('7-extensions-view');
  return measures;
}

function explorerRow(page, name) {
  return page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${name}"]`).first();
}

/** Opens the palette, types the command title until its row is highlighted, then runs it. */
async function runCommand(page, title) {
  const until = Date.now() + STEP_TIMEOUT;
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  while (Date.now() < until) {
    await input.fill('>');
    await page.keyboard.type(title, {delay: 10});
    // Commands registered after the palette opened appear only when the text changes: retype.
    const deadline = Date.now() + 2500;
    while (Date.now() < deadline) {
      const focused = page.locator('.quick-input-widget .monaco-list-row.focused .label-name');
      if ((await focused.count()) && (await focused.first().innerText()).trim() === title) {
        await page.waitForTimeout(300);
        if ((await focused.first().innerText()).trim() === title) {
          await page.keyboard.press('Enter');
          return;
        }
      }
      await page.waitForTimeout(200);
    }
  }
  throw new Error(`command "${title}" never appeared in the palette`);
}

/** Toasts are hidden under the smoke-test driver: read the Notifications center instead. */
async function waitForNotification(page, pattern) {
  const until = Date.now() + STEP_TIMEOUT * 3;
  const center = page.locator('.notifications-center');
  while (Date.now() < until) {
    if (!(await center.isVisible())) await page.locator('[id="status.notifications"]').click().catch(() => undefined);
    const items = page.locator('.notifications-center .notification-list-item-message');
    for (const text of await items.allInnerTexts()) if (pattern.test(text)) return text;
    await page.waitForTimeout(1000);
  }
  throw new Error(`no notification matching ${pattern}`);
}

async function contextMenu(page, row, label) {
  for (let attempt = 0; attempt < 3; attempt++) {
    await row.click({button: 'right'});
    await page.waitForTimeout(500);
    const item = page.locator('.context-view .action-item .action-label', {hasText: new RegExp(`^${label}$`)});
    if (await item.count()) {
      await item.first().click();
      return;
    }
    await page.keyboard.press('Escape');
  }
  throw new Error(`context menu item "${label}" not found`);
}

/** Webviews are iframes in iframes: search every frame for the texts. */
async function waitForFrameText(page, texts) {
  const until = Date.now() + STEP_TIMEOUT;
  while (Date.now() < until) {
    for (const frame of page.frames()) {
      const body = await frame.locator('body').innerText({timeout: 500}).catch(() => '');
      if (texts.every((t) => body.includes(t))) return frame;
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`no webview frame shows ${texts.join(', ')}`);
}

// The inspector's part of the Playwright test in a real VS Code (code-server): called with the
// workbench page once Load Model has opened the inspector on a trained model (after
// train-load.e2e.mjs's trainLoadInspect). Checks every tab's content and saves screenshots of
// every tab in a light and a dark theme as .test-artifacts/e2e-inspector-<theme>-<tab>.png.
//
//   const {checkInspector} = await import('test/e2e/inspector.e2e.mjs');
//   await checkInspector(page, {artifacts, expectPrediction788: 9, testSetSize: 10000});
import assert from 'node:assert/strict';
import {join} from 'node:path';
import {pickQuickItem, runCommand} from './workbench.mjs';

const STEP_TIMEOUT = 120_000;
const THEMES = [['light', 'Light Modern'], ['dark', 'Dark Modern']];
const TABS = ['layers', 'weights', 'predictions', 'training'];

/** Webviews are iframes in iframes: the inspector is the frame that holds the summary table. */
async function inspectorFrame(page) {
  const until = Date.now() + STEP_TIMEOUT;
  while (Date.now() < until) {
    for (const frame of page.frames()) {
      if (await frame.locator('[data-testid=summary-table]').count().catch(() => 0)) return frame;
    }
    await page.waitForTimeout(250);
  }
  throw new Error('no webview frame shows the inspector summary table');
}

async function selectTab(frame, name) {
  await frame.locator(`vscode-tab-header[data-tab=${name}]`).click();
  await frame.locator(`vscode-tab-panel[data-tab=${name}]:not([hidden])`).waitFor({timeout: STEP_TIMEOUT});
}

async function setColorTheme(page, label) {
  await runCommand(page, 'Preferences: Color Theme');
  await pickQuickItem(page, label);
  await page.waitForTimeout(800);
}

export async function checkInspector(page, {artifacts, expectPrediction788 = 9, testSetSize = 10000} = {}) {
  const measures = {};
  let frame = await inspectorFrame(page);

  // Layers: rows and totals as the engine's summary reports them.
  const rows = await frame.locator('[data-testid=summary-table] tbody tr[data-layer]').count();
  assert.ok(rows >= 3, `layer rows: ${rows}`);
  assert.match(await frame.locator('[data-testid=total-params]').innerText(), /Total params: [\d,]+ \([\d.]+ [KMG]?B\)/);

  // Weights: a histogram is drawn.
  await selectTab(frame, 'weights');
  await frame.locator('[data-testid=histogram] canvas').first().waitFor({timeout: STEP_TIMEOUT});

  // Predictions: sample 788 is a 9 and the trained model says 9.
  await selectTab(frame, 'predictions');
  await frame.locator('#jump-index input').fill('788');
  const clicked = Date.now();
  await frame.locator('#jump-index input').press('Enter');
  await frame.locator('[data-testid=sample-detail][data-index="788"] [data-testid=predicted]').waitFor({timeout: STEP_TIMEOUT});
  measures.jumpToPredictionMs = Date.now() - clicked;
  assert.equal(await frame.locator('[data-testid=ground-truth]').innerText(), '9');
  if (expectPrediction788 !== undefined) {
    assert.equal(await frame.locator('[data-testid=sample-detail] [data-testid=predicted]').innerText(), String(expectPrediction788));
  }

  // A drawn stroke changes the prediction. The page of samples around 788 arrives on its own
  // (and moves the pad down as it fills the grid): wait for it before taking the pad's position.
  await frame.locator('[data-testid=sample-grid] [data-index="788"]').waitFor({timeout: STEP_TIMEOUT});
  const canvas = frame.locator('[data-testid=draw-canvas]');
  const stroke = async (points) => {
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    await page.mouse.move(box.x + box.width * points[0][0], box.y + box.height * points[0][1]);
    await page.mouse.down();
    for (const [x, y] of points.slice(1)) await page.mouse.move(box.x + box.width * x, box.y + box.height * y);
    await page.mouse.up();
  };
  await stroke(Array.from({length: 13}, (_, i) => [0.5, 0.15 + 0.7 * i / 12]));
  // The prediction of the whole stroke: none still on its way (the pad predicts while drawing).
  const settled = frame.locator('[data-testid=draw-result]:not([data-pending]) [data-testid=draw-predicted]');
  await settled.waitFor({timeout: STEP_TIMEOUT});
  const first = await settled.innerText();
  await page.screenshot({path: join(artifacts, 'e2e-draw-1.png')});
  await stroke(Array.from({length: 25}, (_, i) => [0.5 + 0.3 * Math.cos(i / 24 * 2 * Math.PI), 0.5 + 0.3 * Math.sin(i / 24 * 2 * Math.PI)]));
  const until = Date.now() + 10_000;
  let second = first;
  while (second === first && Date.now() < until) {
    await page.waitForTimeout(200);
    second = await frame.locator('[data-testid=draw-predicted]').innerText();
  }
  await settled.waitFor({timeout: STEP_TIMEOUT});
  await page.screenshot({path: join(artifacts, 'e2e-draw-2.png')});
  assert.notEqual(second, first, `the drawn prediction stayed ${first}`);

  // Confusion matrix over the whole test set.
  const evalStart = Date.now();
  await frame.locator('#evaluate').click();
  await frame.locator('[data-testid=confusion-matrix]').waitFor({timeout: STEP_TIMEOUT * 5});
  measures.evaluateMs = Date.now() - evalStart;
  const counts = await frame.locator('[data-testid=confusion-matrix] td[data-count]').evaluateAll((tds) => tds.map((t) => Number(t.dataset.count)));
  assert.equal(counts.reduce((a, b) => a + b, 0), testSetSize);

  // Training: the saved history.
  await selectTab(frame, 'training');
  await frame.locator('[data-testid=training-status]').waitFor({timeout: STEP_TIMEOUT});

  // Screenshots of every tab, light and dark.
  for (const [name, label] of THEMES) {
    await setColorTheme(page, label);
    frame = await inspectorFrame(page);
    for (const tab of TABS) {
      await selectTab(frame, tab);
      await page.waitForTimeout(tab === 'weights' ? 800 : 300);
      await page.screenshot({path: join(artifacts, `e2e-inspector-${name}-${tab}.png`)});
    }
  }
  return measures;
}

/**
 * Inspector benchmark (see scripts/bench-inspector.mjs, which runs this file).
 */
import {join} from 'node:path';
import {initBackend} from '../../src/engine/backend';
import {referenceMnistModel} from '../../src/engine/inspect/test-model';
import {startHarness, ROOT} from './inspector-harness';

const OPEN_RUNS = 7;
const CLICKS = 20;
const ACTIVATION_CLICKS = 11;
const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
const max = (a: number[]) => Math.max(...a);
const ms = (v: number) => `${v.toFixed(1)} ms`;

async function main(): Promise<void> {
const backend = await initBackend('auto');
const t = performance.now();
const loaded = await referenceMnistModel(join(ROOT, '.cache', 'inspector'));
console.log(`backend: ${backend.description}; model ready in ${((performance.now() - t) / 1000).toFixed(1)} s ` +
  `(${loaded.handle.summary.totalParams.toLocaleString('en-US')} params)`);
const harness = await startHarness([loaded], 'dark');
const {page} = harness;
try {
  const open: number[] = [];
  for (let i = 0; i < OPEN_RUNS; i++) {
    await page.evaluate(() => sessionStorage.removeItem('state')).catch(() => {});
    const start = performance.now();
    await harness.open({kind: 'model', model: loaded.handle});
    await page.waitForSelector('[data-testid=summary-table] tbody tr', {state: 'visible'});
    open.push(performance.now() - start);
  }
  console.log(`Open Inspector -> layer table visible: first ${ms(open[0])}, median ${ms(median(open))}, max ${ms(max(open))} (${OPEN_RUNS} runs; target < 1000 ms)`);

  await page.click('vscode-tab-header[data-tab=predictions]');
  await page.waitForSelector('[data-testid=sample-grid] button.sample');
  await page.waitForSelector('[data-testid=sample-detail][data-index] [data-testid=predicted]');
  // In-page timing: from the click event to the detail panel showing that sample's prediction.
  await page.evaluate(() => {
    const w = window as unknown as {__latencies: number[]; __pending?: {index: string; at: number}};
    w.__latencies = [];
    document.addEventListener('click', (e) => {
      const tile = (e.target as Element).closest?.<HTMLElement>('button.sample');
      if (tile) w.__pending = {index: tile.dataset.index!, at: performance.now()};
    }, true);
    const detail = document.querySelector<HTMLElement>('[data-testid=sample-detail]')!;
    new MutationObserver(() => {
      const p = w.__pending;
      if (p && detail.dataset.index === p.index && detail.querySelector('[data-testid=predicted]')) {
        w.__latencies.push(performance.now() - p.at);
        w.__pending = undefined;
      }
    }).observe(detail, {childList: true, subtree: true, attributes: true});
  });
  const wall: number[] = [];
  for (let i = 0; i < CLICKS; i++) {
    const index = 1 + i; // tiles 1..20 of the first page (0 is already shown)
    const start = performance.now();
    await page.click(`button.sample[data-index="${index}"]`);
    await page.waitForSelector(`[data-testid=sample-detail][data-index="${index}"] [data-testid=predicted]`);
    wall.push(performance.now() - start);
  }
  const inPage = await page.evaluate(() => (window as unknown as {__latencies: number[]}).__latencies);
  console.log(`click sample -> prediction shown (in page): median ${ms(median(inPage))}, max ${ms(max(inPage))} (${inPage.length} clicks; target < 100 ms)`);
  console.log(`click sample -> prediction shown (Playwright wall clock, incl. its own round trips): median ${ms(median(wall))}, max ${ms(max(wall))}`);

  // Activations: from the click on "Show activations" to the layer's maps drawn (the frame after
  // the DOM update), for the first Conv2D (32 maps) and the largest (128 maps).
  await page.click('vscode-tab-header[data-tab=layers]');
  await page.waitForSelector('#activation-show');
  await page.evaluate(() => {
    const w = window as unknown as {__shown: number[]; __started?: number};
    w.__shown = [];
    document.addEventListener('click', (e) => {
      if ((e.target as Element).closest?.('#activation-show')) w.__started = performance.now();
    }, true);
    const view = document.querySelector<HTMLElement>('[data-testid=activations]')!;
    new MutationObserver(() => {
      if (w.__started === undefined || !view.querySelector('.fmap, canvas')) return;
      const started = w.__started;
      w.__started = undefined;
      requestAnimationFrame(() => setTimeout(() => w.__shown.push(performance.now() - started), 0));
    }).observe(view, {attributes: true, attributeFilter: ['data-sample']});
  });
  const layers = await page.$$eval('#activation-layer option', (os) => os.map((o) => (o as HTMLOptionElement).value));
  for (const layer of [layers[0]!, layers[2]!]) {
    await page.selectOption('#activation-layer', layer);
    await page.evaluate(() => { (window as unknown as {__shown: number[]}).__shown = []; });
    const requestMs: number[] = [], workerMs: number[] = [], drawMs: number[] = [];
    for (let i = 0; i < ACTIVATION_CLICKS; i++) {
      const index = 100 + i;
      await page.fill('#activation-index', String(index));
      await page.click('#activation-show');
      await page.waitForFunction((n) => (window as unknown as {__shown: number[]}).__shown.length === n, i + 1);
      const t = await page.$eval('[data-testid=activations]', (e) => ({requestMs: (e as HTMLElement).dataset.requestMs, drawMs: (e as HTMLElement).dataset.drawMs, status: document.querySelector('[data-testid=activations-status]')?.textContent ?? ''}));
      requestMs.push(Number(t.requestMs));
      drawMs.push(Number(t.drawMs));
      workerMs.push(Number(/worker: ([\d.]+) ms/.exec(t.status)?.[1]));
    }
    console.log(`  after the first click, medians: worker ${ms(median(workerMs.slice(1)))}, request round trip incl. worker ${ms(median(requestMs.slice(1)))} ` +
      `(this harness carries messages through Playwright), drawing ${ms(median(drawMs.slice(1)))}`);
    const shown = await page.evaluate(() => (window as unknown as {__shown: number[]}).__shown);
    const maps = await page.$$eval('div.fmap', (c) => c.length);
    const worker = await page.textContent('[data-testid=activations-status]');
    // Drawing alone (no request): the sort order changed, from the event to the next frame.
    const redraw = await page.evaluate(() => new Promise<number[]>((resolve) => {
      const sort = document.querySelector<HTMLSelectElement>('#activation-sort')!;
      const started = performance.now();
      sort.value = sort.value === 'mean' ? 'index' : 'mean';
      sort.dispatchEvent(new Event('change'));
      const script = performance.now() - started;
      requestAnimationFrame(() => setTimeout(() => resolve([script, performance.now() - started]), 0));
    }));
    console.log(`  redraw of ${layer} alone: ${ms(redraw[0]!)} script, ${ms(redraw[1]!)} to the next frame`);
    console.log(`click "Show activations" -> ${layer}'s ${maps} maps drawn (in page): first ${ms(shown[0]!)}, median ${ms(median(shown.slice(1)))}, max after the first ${ms(max(shown.slice(1)))} (${shown.length} clicks; target < 300 ms); last: ${worker}`);
  }
} finally {
  await harness.close();
}
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

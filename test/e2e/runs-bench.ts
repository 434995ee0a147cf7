/**
 * Runs benchmark (scripts/bench-runs-ui.mjs runs this file):
 *   1. the Runs view filling in for 1,000 runs: listRuns over 1,000 run.json files (25 epochs
 *      each), the resumable check, the tree model and every tree item, as RunsView does;
 *   2. a comparison of 10 runs x 100 epochs drawn in the webview (headless Chromium): from the
 *      page receiving the runs to the frame painted (the page's own clock).
 */
import * as fs from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {listRuns} from '../../src/formats/runs';
import {entryOf, RESUMABLE} from '../../src/extension/runs/adapt';
import {RunsTree, type RunsNode} from '../../src/extension/runs/tree';
import {startRunsHarness} from './runs-harness';
import {writeSampleRuns} from './runs-fixtures';

const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
const ms = (v: number) => `${v.toFixed(1)} ms`;

async function fillRunsView(runsFolder: string, workspace: string): Promise<{ms: number; listMs: number; items: number}> {
  const started = performance.now();
  const {runs} = await listRuns(runsFolder);
  const listMs = performance.now() - started;
  const entries = runs.map((r) => entryOf(r, workspace, RESUMABLE.has(r.status)));
  const tree = new RunsTree(workspace);
  tree.set(entries);
  let items = 0;
  const walk = (node?: RunsNode) => {
    for (const child of tree.children(node)) {
      tree.item(child);
      items++;
      walk(child);
    }
  };
  walk();
  return {ms: performance.now() - started, listMs, items};
}

async function main(): Promise<void> {
  console.log(`load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')} on ${(await import('node:os')).cpus().length} CPUs`);
  const workspace = fs.mkdtempSync(join(tmpdir(), 'kw-runs-bench-'));
  try {
    const many = join(workspace, 'runs');
    let t = performance.now();
    writeSampleRuns(many, workspace, 1000, 25);
    console.log(`wrote 1,000 run records (25 epochs each) in ${ms(performance.now() - t)}`);
    const fills: number[] = [];
    const lists: number[] = [];
    let items = 0;
    for (let i = 0; i < 7; i++) {
      const r = await fillRunsView(many, workspace);
      fills.push(r.ms);
      lists.push(r.listMs);
      items = r.items;
    }
    console.log(`Runs view fills in for 1,000 runs (${items} tree items): first ${ms(fills[0]!)}, median ${ms(median(fills))}, max ${ms(Math.max(...fills))} (7 runs; target <= 500 ms)`);
    console.log(`  of which listRuns (reading the 1,000 run.json files): median ${ms(median(lists))}; the tree model and its items: median ${ms(median(fills.map((f, i) => f - lists[i]!)))}`);

    const ten = join(workspace, 'ten');
    const ids = writeSampleRuns(ten, workspace, 10, 100);
    const harness = await startRunsHarness(ten, workspace, 'dark');
    try {
      const draws: number[] = [];
      const walls: number[] = [];
      for (let i = 0; i < 7; i++) {
        t = performance.now();
        await harness.open(ids);
        walls.push(performance.now() - t);
        const received = harness.marks.filter((m) => m.name === 'runs-received').at(-1)!;
        const drawn = harness.marks.filter((m) => m.name === 'runs-drawn').at(-1)!;
        draws.push(drawn.at - received.at);
      }
      const charts = await harness.page.$$eval('[data-testid=curve] canvas', (c) => c.length);
      console.log(`comparison of 10 runs x 100 epochs (${charts} charts, parallel coordinates, table) drawn in the page: first ${ms(draws[0]!)}, median ${ms(median(draws))}, max ${ms(Math.max(...draws))} (7 runs; target <= 300 ms)`);
      console.log(`  page load + host read of 10 run.json + draw (Playwright wall clock): median ${ms(median(walls))}`);
      const redraws: number[] = [];
      for (let i = 0; i < 7; i++) {
        const since = harness.marks.length;
        // Another selection in the open panel (the order changes the colours): every chart is built anew.
        await harness.comparison.show(i % 2 ? ids : [...ids].reverse());
        const drawn = await harness.nextMark('runs-drawn', since);
        redraws.push(drawn.at - (await harness.nextMark('runs-received', since)).at);
      }
      console.log(`the same 10 runs selected again in the open panel (all charts rebuilt): median ${ms(median(redraws))}, max ${ms(Math.max(...redraws))}`);
      const updates: number[] = [];
      for (let i = 0; i < 7; i++) {
        const since = harness.marks.length;
        await harness.comparison.changed([ids[3]!]);
        const drawn = await harness.nextMark('run-updated', since);
        updates.push(drawn.at - (await harness.nextMark('run-received', since)).at);
      }
      console.log(`one run of the 10 updated (an epoch end of a running training) and redrawn: median ${ms(median(updates))}, max ${ms(Math.max(...updates))}`);
      if (harness.pageErrors.length) throw new Error(`errors in the page: ${harness.pageErrors.join('; ')}`);
    } finally {
      await harness.close();
    }
  } finally {
    fs.rmSync(workspace, {recursive: true, force: true});
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

/**
 * Opens the run comparison webview in headless Chromium without VS Code: the page is the one the
 * extension renders (same HTML, CSP and bundle from dist/), `acquireVsCodeApi` is a stub whose
 * messages go to the extension's real comparison host code, which reads real run.json files.
 * The theme variables are the inspector harness's.
 */
import {chromium, type Browser, type Page} from 'playwright-core';
import {readRun} from '../../src/formats/runs';
import type {RunsHostToWebview, RunsWebviewToHost} from '../../src/protocol/runs';
import {Comparison} from '../../src/extension/runs/comparison';
import {comparisonHtml, makeNonce} from '../../src/extension/runs/html';
import {emulateWebviewHost, serveWebviewPage, THEMES, type ThemeName} from './inspector-harness';

const ORIGIN = 'https://runs.test';

export interface RunsHarness {
  browser: Browser;
  page: Page;
  comparison: Comparison;
  /** Marks the page sent, with the page's clock. */
  marks: Array<{name: string; at: number}>;
  diffs: Array<[string, string]>;
  warnings: string[];
  cspViolations: string[];
  pageErrors: string[];
  /** Loads the page and shows these runs, as Compare does; resolves when they are drawn. */
  open(ids: string[]): Promise<void>;
  /** The next mark of this name (after `since` marks). */
  nextMark(name: string, since: number): Promise<{name: string; at: number}>;
  setTheme(theme: ThemeName): Promise<void>;
  close(): Promise<void>;
}

export async function startRunsHarness(runsFolder: string, workspaceRoot: string, theme: ThemeName = 'light',
  viewport = {width: 1280, height: 900}): Promise<RunsHarness> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const page = await (await browser.newContext({viewport})).newPage();
  const marks: RunsHarness['marks'] = [];
  const diffs: RunsHarness['diffs'] = [];
  const warnings: string[] = [];
  const cspViolations: string[] = [];
  const pageErrors: string[] = [];
  let currentTheme: ThemeName = theme;
  const post = (m: RunsHostToWebview) => page.evaluate((data) => window.dispatchEvent(new MessageEvent('message', {data})), m).catch(() => {});
  const comparison = new Comparison({
    workspaceRoot,
    readRun: (id) => readRun(runsFolder, id),
    post: (m) => void post(m),
    diffSpecs: (left, right) => void diffs.push([left, right]),
    warn: (m) => void warnings.push(m),
    onMark: (name, at) => void marks.push({name, at}),
  });
  await page.exposeFunction('__runsHost', (m: RunsWebviewToHost) => void comparison.handle(m));
  await page.exposeFunction('__cspViolation', (v: string) => void cspViolations.push(v));
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await emulateWebviewHost(page, '__runsHost');
  await serveWebviewPage(page, ORIGIN, () =>
    comparisonHtml({cspSource: ORIGIN, nonce: makeNonce(), scriptUri: `${ORIGIN}/dist/runs-webview.js`, styleUri: `${ORIGIN}/dist/runs-webview.css`}));
  const nextMark = async (name: string, since: number) => {
    const until = Date.now() + 20_000;
    for (;;) {
      const found = marks.slice(since).find((m) => m.name === name);
      if (found) return found;
      if (Date.now() > until) throw new Error(`timed out waiting for the page's mark ${name}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  return {
    browser, page, comparison, marks, diffs, warnings, cspViolations, pageErrors, nextMark,
    async open(ids) {
      if (page.url() === 'about:blank') await page.goto(`${ORIGIN}/blank`);
      await page.evaluate((t) => {
        sessionStorage.removeItem('state');
        sessionStorage.setItem('theme', JSON.stringify(t));
      }, THEMES[currentTheme] as unknown as Record<string, unknown>);
      // As in VS Code: the host knows the runs before the page loads; the page's 'ready' gets them.
      await comparison.show(ids);
      const since = marks.length;
      await page.goto(`${ORIGIN}/index.html`);
      await nextMark('runs-drawn', since);
    },
    async setTheme(name) {
      currentTheme = name;
      const t = THEMES[name];
      await page.evaluate(({vars, bodyClass}) => {
        sessionStorage.setItem('theme', JSON.stringify({vars, bodyClass}));
        for (const [k, v] of Object.entries(vars)) document.documentElement.style.setProperty(k, v);
        document.body.className = bodyClass;
      }, {vars: t.vars as Record<string, string>, bodyClass: t.bodyClass});
    },
    async close() {
      await browser.close();
    },
  };
}

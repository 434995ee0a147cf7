/**
 * Opens the inspector webview in headless Chromium without VS Code: the page is the one the
 * extension renders (same HTML, CSP and bundle from dist/), `acquireVsCodeApi` is a stub whose
 * messages go to the extension's real router, which calls the real inspector handlers over a
 * real JSON-RPC connection. Theme variables for a light and a dark theme stand in for VS Code's.
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import type {RequestType} from 'vscode-jsonrpc';
import {chromium, type Browser, type Page} from 'playwright-core';
import type {HostToWebview, InspectorSubject, TrainProgress, WebviewToHost} from '../../src/protocol/messages';
import {evaluateProgress, trainActivations} from '../../src/protocol/messages';
import {inspectorHtml, makeNonce} from '../../src/extension/inspector/html';
import {createInspectorRouter, type InspectorClient, type RouterHooks} from '../../src/extension/inspector/router';
import {inProcessWorker} from '../../src/test-support/in-process-worker';
import type {LoadedModel} from '../../src/engine/models';
import {registerExplainHandlers} from '../../src/worker/explain-handlers';
import {handleTrainingRequests, TrainingRuns} from '../../src/worker/training-handlers';

export const ROOT = join(__dirname, '..', '..');
const ORIGIN = 'https://inspector.test';

/** `light` is VS Code's Light Modern (its errorForeground and chart colours, the light defaults). */
export const THEMES = {
  light: {
    bodyClass: 'vscode-light',
    vars: {
      '--vscode-foreground': '#3b3b3b', '--vscode-editor-background': '#ffffff', '--vscode-descriptionForeground': '#717171',
      '--vscode-panel-border': '#e5e5e5', '--vscode-editorWidget-background': '#f8f8f8', '--vscode-editorWidget-border': '#c8c8c8',
      '--vscode-focusBorder': '#005fb8', '--vscode-errorForeground': '#f85149', '--vscode-textLink-foreground': '#005fb8',
      '--vscode-button-background': '#005fb8', '--vscode-button-foreground': '#ffffff', '--vscode-button-secondaryBackground': '#e5e5e5',
      '--vscode-button-secondaryForeground': '#3b3b3b', '--vscode-input-background': '#ffffff', '--vscode-input-foreground': '#3b3b3b',
      '--vscode-input-border': '#cecece', '--vscode-checkbox-background': '#f8f8f8', '--vscode-checkbox-border': '#cecece',
      '--vscode-charts-blue': '#1a85ff', '--vscode-charts-orange': '#d18616', '--vscode-charts-green': '#388a34',
      '--vscode-charts-purple': '#652d90', '--vscode-charts-red': '#e51400', '--vscode-charts-yellow': '#bf8803',
      '--vscode-panelTitle-activeForeground': '#3b3b3b', '--vscode-panelTitle-activeBorder': '#005fb8',
      '--vscode-panelTitle-inactiveForeground': '#717171', '--vscode-textCodeBlock-background': '#f2f2f2',
      '--vscode-font-family': 'system-ui, sans-serif', '--vscode-font-size': '13px', '--vscode-editor-font-family': 'monospace',
    },
  },
  dark: {
    bodyClass: 'vscode-dark',
    vars: {
      '--vscode-foreground': '#cccccc', '--vscode-editor-background': '#1f1f1f', '--vscode-descriptionForeground': '#9d9d9d',
      '--vscode-panel-border': '#2b2b2b', '--vscode-editorWidget-background': '#202020', '--vscode-editorWidget-border': '#454545',
      '--vscode-focusBorder': '#0078d4', '--vscode-errorForeground': '#f85149', '--vscode-textLink-foreground': '#4daafc',
      '--vscode-button-background': '#0078d4', '--vscode-button-foreground': '#ffffff', '--vscode-button-secondaryBackground': '#313131',
      '--vscode-button-secondaryForeground': '#cccccc', '--vscode-input-background': '#313131', '--vscode-input-foreground': '#cccccc',
      '--vscode-input-border': '#3c3c3c', '--vscode-checkbox-background': '#313131', '--vscode-checkbox-border': '#3c3c3c',
      '--vscode-charts-blue': '#3794ff', '--vscode-charts-orange': '#d18616', '--vscode-charts-green': '#89d185',
      '--vscode-charts-purple': '#b180d7', '--vscode-charts-red': '#f14c4c', '--vscode-charts-yellow': '#cca700',
      '--vscode-panelTitle-activeForeground': '#cccccc', '--vscode-panelTitle-activeBorder': '#0078d4',
      '--vscode-panelTitle-inactiveForeground': '#9d9d9d', '--vscode-textCodeBlock-background': '#2b2b2b',
      '--vscode-font-family': 'system-ui, sans-serif', '--vscode-font-size': '13px', '--vscode-editor-font-family': 'monospace',
    },
  },
  // VS Code's high-contrast themes: widget borders are the bright contrast colour, descriptions
  // are the foreground at 70% opacity.
  hc: {
    bodyClass: 'vscode-high-contrast',
    vars: {
      '--vscode-foreground': '#ffffff', '--vscode-editor-background': '#000000', '--vscode-descriptionForeground': '#ffffffb3',
      '--vscode-panel-border': '#6fc3df', '--vscode-editorWidget-background': '#0c141f', '--vscode-editorWidget-border': '#6fc3df',
      '--vscode-contrastBorder': '#6fc3df', '--vscode-contrastActiveBorder': '#f38518',
      '--vscode-focusBorder': '#f38518', '--vscode-errorForeground': '#f48771', '--vscode-textLink-foreground': '#21a6ff',
      '--vscode-button-background': '#000000', '--vscode-button-foreground': '#ffffff', '--vscode-button-border': '#6fc3df',
      '--vscode-input-background': '#000000', '--vscode-input-foreground': '#ffffff', '--vscode-input-border': '#6fc3df',
      '--vscode-testing-iconPassed': '#73c991',
      '--vscode-charts-blue': '#3794ff', '--vscode-charts-orange': '#d18616', '--vscode-charts-green': '#89d185',
      '--vscode-charts-purple': '#b180d7', '--vscode-charts-red': '#f14c4c', '--vscode-charts-yellow': '#cca700',
      '--vscode-font-family': 'system-ui, sans-serif', '--vscode-font-size': '13px', '--vscode-editor-font-family': 'monospace',
    },
  },
  hcLight: {
    bodyClass: 'vscode-high-contrast vscode-high-contrast-light',
    vars: {
      '--vscode-foreground': '#292929', '--vscode-editor-background': '#ffffff', '--vscode-descriptionForeground': '#292929b3',
      '--vscode-panel-border': '#0f4a85', '--vscode-editorWidget-background': '#ffffff', '--vscode-editorWidget-border': '#0f4a85',
      '--vscode-contrastBorder': '#0f4a85', '--vscode-contrastActiveBorder': '#006bbd',
      '--vscode-focusBorder': '#006bbd', '--vscode-errorForeground': '#b5200d', '--vscode-textLink-foreground': '#0f4a85',
      '--vscode-button-background': '#0f4a85', '--vscode-button-foreground': '#ffffff', '--vscode-button-border': '#0f4a85',
      '--vscode-input-background': '#ffffff', '--vscode-input-foreground': '#292929', '--vscode-input-border': '#0f4a85',
      '--vscode-testing-iconPassed': '#007100',
      '--vscode-charts-blue': '#0f4a85', '--vscode-charts-orange': '#8f4200', '--vscode-charts-green': '#374e06',
      '--vscode-charts-purple': '#652d90', '--vscode-charts-red': '#b5200d', '--vscode-charts-yellow': '#895503',
      '--vscode-font-family': 'system-ui, sans-serif', '--vscode-font-size': '13px', '--vscode-editor-font-family': 'monospace',
    },
  },
} as const;
export type ThemeName = keyof typeof THEMES;

export interface Harness {
  browser: Browser;
  page: Page;
  /** Messages the webview sent (requests, marks), with Node's clock. */
  marks: Array<{name: string; at: number}>;
  cspViolations: string[];
  pageErrors: string[];
  /** Loads the panel (again), as VS Code does when the panel is shown; state survives in sessionStorage. */
  open(subject: InspectorSubject): Promise<void>;
  /**
   * The host's panel changes its subject: posted to the page when `visible`, else only kept (a
   * hidden webview gets no messages). The page's HTML keeps the subject it was opened with.
   */
  setHostSubject(subject: InspectorSubject, visible: boolean): Promise<void>;
  /** The panel hidden and shown again: VS Code reloads the page from the HTML it was opened with. */
  reshow(): Promise<void>;
  setTheme(theme: ThemeName): Promise<void>;
  sendTrainProgress(p: TrainProgress): Promise<void>;
  /** The worker's training runs: a test begins one and drives its watched sample's epoch ends. */
  runs: TrainingRuns;
  close(): Promise<void>;
}

/** `host`: what VS Code does for the panel (file pickers, the save dialog, workspace state), as the test wants it. */
export async function startHarness(models: LoadedModel[], theme: ThemeName = 'light',
  host: Omit<Partial<RouterHooks>, 'post' | 'modelId'> = {}): Promise<Harness> {
  let runs!: TrainingRuns;
  const worker = inProcessWorker(models, [registerExplainHandlers, (connection) => handleTrainingRequests(connection, (runs = new TrainingRuns(connection)))]);
  const progressListeners = new Set<(p: TrainProgress) => void>();
  const client: InspectorClient = {
    sendRequest: ((type: RequestType<unknown, unknown, void>, params: unknown) => worker.client.sendRequest(type, params)) as InspectorClient['sendRequest'],
    onTrainProgress: (l) => {
      progressListeners.add(l);
      return {dispose: () => progressListeners.delete(l)};
    },
    onEvaluateProgress: (l) => worker.client.onNotification(evaluateProgress, l),
    onTrainActivations: (l) => worker.client.onNotification(trainActivations, l),
  };
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const context = await browser.newContext({viewport: {width: 1200, height: 900}});
  const page = await context.newPage();
  const marks: Harness['marks'] = [];
  const cspViolations: string[] = [];
  const pageErrors: string[] = [];
  /** What the host's panel shows, and what the page's HTML was rendered with. */
  let subject: InspectorSubject | undefined;
  let htmlSubject: InspectorSubject | undefined;
  let currentTheme: ThemeName = theme;
  const post = (m: HostToWebview) => page.evaluate((data) => window.dispatchEvent(new MessageEvent('message', {data})), m).catch(() => {});
  const route = createInspectorRouter(client, {...host, post: (m) => void post(m), modelId: () => subject?.model?.modelId,
    modelPath: () => subject?.model?.path, subject: () => subject, onMark: (name) => marks.push({name, at: performance.now()})});
  // What the panel does with the worker's evaluation progress: forward that of its model.
  client.onEvaluateProgress!((p) => {
    if (p.modelId === subject?.model?.modelId) void post({type: 'evaluateProgress', done: p.done, total: p.total});
  });
  // ... and its run's watched sample.
  client.onTrainActivations!((a) => {
    if (subject?.kind === 'training' && a.runId === subject.runId) void post({type: 'trainActivations', activations: a});
  });
  await page.exposeFunction('__inspectorHost', (m: WebviewToHost) => void route(m));
  await page.exposeFunction('__cspViolation', (v: string) => void cspViolations.push(v));
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await emulateWebviewHost(page, '__inspectorHost');
  await serveWebviewPage(page, ORIGIN, () => inspectorHtml({cspSource: ORIGIN, nonce: makeNonce(), scriptUri: `${ORIGIN}/dist/webview.js`,
    styleUri: `${ORIGIN}/dist/webview.css`, title: 'Inspector', subject: htmlSubject}));
  return {
    browser, page, marks, cspViolations, pageErrors, runs,
    async open(s) {
      subject = htmlSubject = s;
      if (page.url() === 'about:blank') await page.goto(`${ORIGIN}/blank`);
      await page.evaluate((t) => sessionStorage.setItem('theme', JSON.stringify(t)), THEMES[currentTheme] as unknown as Record<string, unknown>);
      await page.goto(`${ORIGIN}/index.html`);
    },
    async setHostSubject(s, visible) {
      subject = s;
      if (visible) await post({type: 'subject', subject: s});
    },
    async reshow() {
      await page.goto(`${ORIGIN}/index.html`);
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
    async sendTrainProgress(p) {
      // What the panel does with the worker's notifications: forward those of its run.
      progressListeners.forEach((l) => l(p));
      await post({type: 'trainProgress', progress: p});
    },
    async close() {
      await browser.close();
      worker.dispose();
    },
  };
}

/**
 * Serves a webview's page at `origin`: /index.html made by `html` (the extension's own page
 * builder), the bundles from dist/, and a blank page to navigate away to.
 */
export async function serveWebviewPage(page: Page, origin: string, html: () => string): Promise<void> {
  await page.route(`${origin}/**`, async (r) => {
    const url = new URL(r.request().url());
    if (url.pathname === '/index.html') return r.fulfill({status: 200, contentType: 'text/html', body: html()});
    if (url.pathname.startsWith('/dist/')) {
      const file = join(ROOT, url.pathname);
      const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'application/octet-stream';
      return r.fulfill({status: 200, contentType: type, body: readFileSync(file)});
    }
    if (url.pathname === '/blank') return r.fulfill({status: 200, contentType: 'text/html', body: '<!DOCTYPE html><title>blank</title>'});
    return r.fulfill({status: 404, body: 'not found'});
  });
}

/**
 * What VS Code gives a webview, in a plain page: `acquireVsCodeApi` posting to the page function
 * `hostBinding` (exposed by the harness), state kept in sessionStorage, the theme's variables on
 * <html> and its kind as <body>'s class, and CSP violations reported to `__cspViolation`.
 */
export async function emulateWebviewHost(page: Page, hostBinding: string): Promise<void> {
  // tsx compiles with keepNames: functions sent to the page may call its __name helper.
  await page.addInitScript({content: 'window.__name = (f) => f;'});
  await page.addInitScript((hostBinding: string) => {
    const w = window as unknown as Record<string, unknown>;
    w.acquireVsCodeApi = () => ({
      postMessage: (m: unknown) => (w[hostBinding] as (m: unknown) => void)(m),
      getState: () => JSON.parse(sessionStorage.getItem('state') ?? 'null'),
      setState: (s: unknown) => sessionStorage.setItem('state', JSON.stringify(s)),
    });
    // VS Code sets the theme's variables on <html> and its kind as a class on <body> (through the CSSOM).
    const theme = JSON.parse(sessionStorage.getItem('theme') ?? 'null') as {vars: Record<string, string>; bodyClass: string} | null;
    if (theme) {
      let varsSet = false;
      const apply = (obs?: MutationObserver) => {
        if (document.documentElement && !varsSet) {
          for (const [k, v] of Object.entries(theme.vars)) document.documentElement.style.setProperty(k, v);
          varsSet = true;
        }
        if (document.body) {
          document.body.className = theme.bodyClass;
          obs?.disconnect();
        }
      };
      new MutationObserver((_, obs) => apply(obs)).observe(document, {childList: true, subtree: true});
      apply();
    }
    document.addEventListener('securitypolicyviolation', (e) =>
      (w.__cspViolation as (v: string) => void)(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  }, hostBinding);
}

/**
 * Predictions tab: browse the test set (image, ground truth, predicted class, top-k bars), jump to
 * an index, show only misclassified samples, draw a digit for 28x28x1 models, and evaluate the
 * whole test set (confusion matrix, per-class accuracy). Models without images get an input
 * editor and the raw output vector.
 */
import type {EvaluationResult, FilePredictionResult, ModelHandle, Prediction} from '../src/protocol/messages';
import {h, clear, fixed, integer, milliseconds, percent} from './dom';
import {getState, mark, onEvaluateProgress, request, updateState} from './rpc';
import {drawPad} from './draw';
import {ExplainView} from './explain';
import {requestActivations} from './activations';

export const PAGE_SIZE = 40;
const TOP_K = 5;

function isImage(shape: number[]): boolean {
  return shape.length === 3 && (shape[2] === 1 || shape[2] === 3);
}

function fitsMnist(model: ModelHandle): boolean {
  return model.inputShape.reduce((a, b) => a * b, 1) === 784 && model.outputShape.at(-1) === 10;
}

/** The results of "Predict files…": input thumbnail or values, predicted class, top-k (or the raw outputs), Explain and Activations. */
function fileTable(r: FilePredictionResult, explain: (values: number[]) => void): HTMLElement {
  const classes = r.kind !== 'values';
  const head = h('tr', {}, h('th', {scope: 'col'}, 'Input'), h('th', {scope: 'col'}, 'File'),
    h('th', {scope: 'col'}, classes ? 'Predicted' : 'Output'), classes ? h('th', {scope: 'col'}, 'Top classes') : null);
  const rows = r.items.map((item) => h('tr', {'data-testid': 'file-row'},
    h('td', {}, item.image ? h('img', {class: 'file-thumb', src: item.image, alt: item.source}) : h('code', {}, (item.inputValues ?? []).map((v) => fixed(v)).join(', '))),
    h('td', {}, item.source),
    classes ? h('td', {class: 'num'}, h('strong', {'data-testid': 'file-predicted'}, String(item.predicted))) : h('td', {'data-testid': 'file-output'}, item.output.slice(0, 8).map((v) => fixed(v)).join(', ') + (item.output.length > 8 ? ', …' : '')),
    classes ? h('td', {'data-testid': 'file-top'}, (item.top ?? []).map((t) => `${t.label} ${percent(t.probability, 1)}`).join(' · ')) : null,
    h('td', {}, item.sample ? sampleButtons(item.sample, item.source, explain) : null)));
  return h('table', {class: 'file-table'}, h('caption', {}, `${integer.format(r.items.length)} samples`), h('thead', {}, head), h('tbody', {}, ...rows));
}

function sampleButtons(values: number[], source: string, explain: (values: number[]) => void): HTMLElement {
  const why = h('button', {class: 'link file-explain', title: `Explain the prediction for ${source}`}, 'Explain');
  why.addEventListener('click', () => explain(values));
  const layers = h('button', {class: 'link file-activations', title: `Show the activations of ${source}`}, 'Activations');
  layers.addEventListener('click', () => requestActivations({sample: {kind: 'values', values}, caption: source}));
  return h('span', {class: 'file-actions'}, why, ' · ', layers);
}

type DropListener = (params: {paths?: string[]; files?: Array<{name: string; base64: string}>; error?: string}) => void;
let dropListener: DropListener | undefined;
/** Dropped files must stay under this (they travel to the worker as base64). */
const MAX_DROP_BYTES = 64 * 1024 * 1024;

function onFilesDropped(listener: DropListener): void {
  if (!dropListener) {
    document.addEventListener('dragover', (ev) => {
      ev.preventDefault();
      document.body.classList.add('dropping');
    });
    document.addEventListener('dragleave', () => document.body.classList.remove('dropping'));
    document.addEventListener('drop', (ev) => {
      ev.preventDefault();
      document.body.classList.remove('dropping');
      void readDrop(ev.dataTransfer).then((params) => params && dropListener?.(params), (e: Error) => dropListener?.({error: e.message}));
    });
  }
  dropListener = listener;
}

function base64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Paths of files dragged from VS Code's Explorer (a URI list), else the contents of files dragged from the desktop. */
async function readDrop(data: DataTransfer | null): Promise<Parameters<DropListener>[0] | undefined> {
  if (!data) return undefined;
  const list = data.getData('application/vnd.code.uri-list') || data.getData('text/uri-list');
  const paths = list.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.startsWith('file:'))
    .map((u) => decodeURIComponent(new URL(u).pathname).replace(/^\/([A-Za-z]:)/, '$1'));
  if (paths.length) return {paths};
  const files = Array.from(data.files);
  if (!files.length) return undefined;
  if (files.reduce((n, f) => n + f.size, 0) > MAX_DROP_BYTES) {
    throw new Error(`The dropped files are larger than ${MAX_DROP_BYTES / 1024 / 1024} MB: use "Predict files…" (they are then read where they are).`);
  }
  return {files: await Promise.all(files.map(async (f) => ({name: f.name, base64: base64(new Uint8Array(await f.arrayBuffer()))})))};
}

function isDrawable(shape: number[]): boolean {
  const size = shape.reduce((a, b) => a * b, 1);
  return size === 784 && (shape.length === 1 || shape.length === 2 || (shape.length === 3 && shape[2] === 1));
}

export function topBars(p: Prediction, testId: string): HTMLElement {
  const top = p.top ?? p.probabilities.map((probability, label) => ({label, probability}))
    .sort((a, b) => b.probability - a.probability).slice(0, TOP_K);
  return h('ol', {class: 'top-k', 'data-testid': testId, 'aria-label': 'Most probable classes'},
    ...top.map((t) => {
      const bar = h('span', {class: 'bar-fill'});
      bar.style.width = `${Math.max(0, Math.min(1, t.probability)) * 100}%`;
      return h('li', {class: t.label === p.predicted ? 'top-first' : ''},
        h('span', {class: 'bar-label'}, String(t.label)),
        h('span', {class: 'bar', role: 'meter', 'aria-valuemin': 0, 'aria-valuemax': 1, 'aria-valuenow': t.probability.toFixed(4),
          'aria-label': `class ${t.label}`}, bar),
        h('span', {class: 'bar-value'}, percent(t.probability, 1)));
    }));
}

/** How long the worker ran the model, e.g. " · 3.4 ms", muted; empty when it did not say. */
function computeTime(p: Prediction): HTMLElement | string {
  if (p.computeMs === undefined) return '';
  return h('span', {class: 'muted compute-time', 'data-testid': 'compute-time', title: 'Time the worker spent running the model'}, ` · ${milliseconds(p.computeMs)}`);
}

function verdict(p: Prediction): HTMLElement {
  const correct = p.label === undefined ? undefined : p.label === p.predicted;
  return h('div', {class: 'verdict'},
    p.label !== undefined ? h('div', {}, 'Ground truth: ', h('strong', {'data-testid': 'ground-truth'}, String(p.label))) : null,
    h('div', {}, 'Predicted: ', h('strong', {'data-testid': 'predicted'}, String(p.predicted)),
      correct === undefined ? null : h('span', {class: correct ? 'ok' : 'wrong'}, correct ? ' ✓ correct' : ' ✗ wrong')));
}

class PredictionsView {
  private grid = h('div', {class: 'sample-grid', role: 'list', 'data-testid': 'sample-grid'});
  private detail = h('section', {class: 'sample-detail', 'aria-live': 'polite', 'data-testid': 'sample-detail'});
  private pageInfo = h('span', {class: 'muted', 'data-testid': 'page-info'});
  private total = 0;
  private readonly explainView = new ExplainView();
  private pageRequest = 0;
  private detailRequest = 0;

  constructor(private readonly root: HTMLElement, private readonly model: ModelHandle) {}

  async render(): Promise<void> {
    clear(this.root);
    const first = await request('samplePage', {offset: 0, count: 0, onlyMisclassified: false});
    // A model that records no dataset (most Keras files) can be given one.
    if (this.model.dataset === undefined) this.renderDatasetChoice(first.total);
    if (first.total > 0) this.renderBrowser();
    else if (!isDrawable(this.model.inputShape) && !isImage(this.model.inputShape)) this.renderInputEditor();
    if (isDrawable(this.model.inputShape)) this.renderDrawing();
    this.root.append(this.explainView.element);
    this.renderFiles();
    if (first.total > 0) this.renderEvaluation();
  }

  // ------------------------------------------------------------ dataset choice

  private renderDatasetChoice(total: number): void {
    const status = h('p', {class: 'muted', 'data-testid': 'dataset-status', 'aria-live': 'polite'},
      total > 0 ? `Test data: ${integer.format(total)} samples (your choice, remembered for this model).`
        : this.model.datasetProblem ? `The dataset this model records cannot be used: ${this.model.datasetProblem}. Choose test data instead:`
          : 'This model does not record its dataset. Choose test data to browse its predictions and evaluate it:');
    const choose = async (dataset: {kind: 'mnist'} | {kind: 'files'} | {kind: 'none'}) => {
      status.textContent = 'Loading the test data…';
      try {
        const info = await request('setDataset', {dataset});
        if (info === null) {
          status.textContent = total > 0 ? `Test data: ${integer.format(total)} samples.` : 'No file chosen.';
          return;
        }
        updateState({evaluation: undefined, pageOffset: 0, sampleIndex: 0, onlyMisclassified: false});
        await this.render();
      } catch (e) {
        status.textContent = '';
        status.append(h('span', {class: 'error', 'data-testid': 'dataset-error'}, (e as Error).message));
      }
    };
    const buttons: HTMLElement[] = [];
    if (fitsMnist(this.model)) {
      const mnist = h('vscode-button', {id: 'dataset-mnist'}, 'Use MNIST (built-in)');
      mnist.addEventListener('click', () => void choose({kind: 'mnist'}));
      buttons.push(mnist);
    }
    const files = h('vscode-button', {id: 'dataset-files', secondary: fitsMnist(this.model)}, 'Data files…');
    files.addEventListener('click', () => void choose({kind: 'files'}));
    buttons.push(files);
    if (total > 0) {
      const none = h('vscode-button', {id: 'dataset-none', secondary: true}, 'No test data');
      none.addEventListener('click', () => void choose({kind: 'none'}));
      buttons.push(none);
    }
    this.root.append(h('h2', {}, 'Test data'), status, h('div', {class: 'toolbar'}, ...buttons),
      h('p', {class: 'muted'}, 'Data files: one .npz (x_test, y_test), one .csv (label in the last column), or an inputs file and a labels file (.npy or IDX).'));
  }

  // ------------------------------------------------------------ the user's files

  private renderFiles(): void {
    const results = h('div', {class: 'file-results', 'data-testid': 'file-results', 'aria-live': 'polite'});
    const pick = h('vscode-button', {id: 'predict-files'}, 'Predict files…');
    const exportCsv = h('vscode-button', {id: 'export-csv', secondary: true, hidden: true}, 'Export CSV');
    let last: FilePredictionResult | undefined;
    const explainValues = (values: number[]) => void this.explainView.explain({kind: 'values', values});
    const run = async (params: {paths?: string[]; files?: Array<{name: string; base64: string}>; error?: string}) => {
      clear(results);
      if (params.error) {
        results.append(h('p', {class: 'error', 'data-testid': 'files-error'}, params.error));
        return;
      }
      results.dataset.pending = 'true';
      results.append(h('p', {class: 'muted'}, 'Predicting…'));
      try {
        const r = await request('predictFiles', {paths: params.paths, files: params.files, topK: TOP_K});
        clear(results);
        if (r === null) return;
        last = r;
        updateState({filePredictions: r});
        results.append(fileTable(r, explainValues));
        exportCsv.hidden = false;
      } catch (e) {
        clear(results);
        results.append(h('p', {class: 'error', 'data-testid': 'files-error'}, (e as Error).message));
      } finally {
        delete results.dataset.pending;
      }
    };
    pick.addEventListener('click', () => void run({}));
    exportCsv.addEventListener('click', async () => {
      if (!last) return;
      try {
        const saved = await request('exportCsv', {name: 'predictions.csv', text: last.csv});
        if (saved) exportCsv.setAttribute('title', `Saved to ${saved}`);
      } catch (e) {
        results.append(h('p', {class: 'error'}, (e as Error).message));
      }
    });
    onFilesDropped((params) => void run(params));
    const saved = getState().filePredictions;
    if (saved) {
      last = saved;
      results.append(fileTable(saved, explainValues));
      exportCsv.hidden = false;
    }
    this.root.append(h('h2', {}, 'Predict files'),
      h('p', {class: 'muted'}, `Images (PNG, JPEG), .npy, .npz, .csv or IDX files, with the model's own preprocessing. Or drop files onto the panel (hold Shift to drop from the Explorer).`),
      h('div', {class: 'toolbar'}, pick, exportCsv), results);
  }

  // ------------------------------------------------------------ test-set browser

  private renderBrowser(): void {
    const s = getState();
    const jump = h('vscode-textfield', {id: 'jump-index', type: 'number', min: 0, placeholder: 'index', 'aria-label': 'Sample index'}) as HTMLElement & {value: string};
    const go = h('vscode-button', {id: 'jump-go'}, 'Show');
    const only = h('vscode-checkbox', {id: 'only-misclassified', label: 'Only misclassified'}) as HTMLElement & {checked: boolean};
    only.checked = s.onlyMisclassified;
    const prev = h('vscode-button', {secondary: true, id: 'page-prev', 'aria-label': 'Previous page'}, '‹ Previous');
    const next = h('vscode-button', {secondary: true, id: 'page-next', 'aria-label': 'Next page'}, 'Next ›');
    const doJump = () => {
      const i = Number(jump.value);
      if (!Number.isInteger(i) || i < 0) return;
      void this.showSample(i, true);
      if (!getState().onlyMisclassified) void this.loadPage(Math.floor(i / PAGE_SIZE) * PAGE_SIZE);
    };
    go.addEventListener('click', doJump);
    jump.addEventListener('keydown', (ev) => { if ((ev as KeyboardEvent).key === 'Enter') doJump(); });
    only.addEventListener('change', () => {
      updateState({onlyMisclassified: only.checked});
      void this.loadPage(0);
    });
    prev.addEventListener('click', () => void this.loadPage(Math.max(0, getState().pageOffset - PAGE_SIZE)));
    next.addEventListener('click', () => {
      const o = getState().pageOffset + PAGE_SIZE;
      if (o < this.total) void this.loadPage(o);
    });
    this.root.append(
      h('h2', {}, 'Test set'),
      h('div', {class: 'toolbar'}, h('label', {for: 'jump-index'}, 'Go to sample'), jump, go, only, prev, next, this.pageInfo),
      h('div', {class: 'browser'}, this.grid, this.detail));
    void this.loadPage(s.pageOffset);
    void this.showSample(s.sampleIndex, false);
  }

  private async loadPage(offset: number): Promise<void> {
    const ticket = ++this.pageRequest;
    const onlyMisclassified = getState().onlyMisclassified;
    this.pageInfo.textContent = onlyMisclassified ? 'Finding misclassified samples…' : 'Loading…';
    let page;
    try {
      page = await request('samplePage', {offset, count: PAGE_SIZE, onlyMisclassified, topK: 1});
    } catch (e) {
      this.pageInfo.textContent = (e as Error).message;
      return;
    }
    if (ticket !== this.pageRequest) return;
    this.total = page.total;
    updateState({pageOffset: offset});
    clear(this.grid);
    for (const p of page.items) {
      const wrong = p.label !== undefined && p.label !== p.predicted;
      const tile = h('button', {class: `sample${wrong ? ' wrong' : ''}`, role: 'listitem', 'data-index': p.index,
        'aria-label': `Sample ${p.index}: label ${p.label}, predicted ${p.predicted}${wrong ? ', misclassified' : ''}`},
        h('img', {src: p.image ?? '', alt: ''}),
        h('span', {class: 'sample-caption'}, `#${p.index}`),
        h('span', {class: 'sample-caption'}, `${p.label} → ${p.predicted}${wrong ? ' ✗' : ''}`));
      tile.addEventListener('click', () => void this.showSample(p.index, true));
      this.grid.append(tile);
    }
    const end = offset + page.items.length;
    this.pageInfo.textContent = page.total === 0
      ? 'No misclassified samples.'
      : `${integer.format(offset)}–${integer.format(end - 1)} of ${integer.format(page.total)}${onlyMisclassified ? ' misclassified' : ''}`;
    this.highlight();
  }

  private highlight(): void {
    const i = getState().sampleIndex;
    this.grid.querySelectorAll('.sample').forEach((el) => el.classList.toggle('selected', Number((el as HTMLElement).dataset.index) === i));
  }

  private async showSample(index: number, user: boolean): Promise<void> {
    const ticket = ++this.detailRequest;
    updateState({sampleIndex: index});
    this.highlight();
    let p: Prediction;
    try {
      p = await request('predictSample', {index, topK: TOP_K});
    } catch (e) {
      clear(this.detail);
      this.detail.append(h('p', {class: 'error'}, (e as Error).message));
      return;
    }
    if (ticket !== this.detailRequest) return;
    clear(this.detail);
    this.detail.dataset.index = String(p.index);
    const explain = h('vscode-button', {id: 'sample-explain', secondary: true}, 'Explain');
    explain.addEventListener('click', () => void this.explainView.explain({kind: 'test', index: p.index}));
    const layers = h('vscode-button', {id: 'sample-activations', secondary: true}, 'Activations');
    layers.addEventListener('click', () => requestActivations({sample: {kind: 'test', index: p.index}, caption: `test sample ${integer.format(p.index)}`}));
    this.detail.append(
      h('h3', {}, `Sample ${integer.format(p.index)}`),
      h('img', {class: 'sample-large', src: p.image ?? '', alt: `Test image ${p.index}`}),
      verdict(p),
      topBars(p, 'sample-top-k'),
      h('div', {class: 'toolbar'}, explain, layers));
    if (user) mark('prediction-shown');
  }

  // ------------------------------------------------------------ drawing

  private renderDrawing(): void {
    const result = h('div', {class: 'draw-result', 'aria-live': 'polite', 'data-testid': 'draw-result'}, h('p', {class: 'muted'}, 'Draw a digit to see the prediction.'));
    let busy = false, again = false;
    const predict = async () => {
      if (busy) { again = true; return; }
      const pixels = pad.pixels();
      if (!pixels) {
        delete result.dataset.pending;
        clear(result);
        result.append(h('p', {class: 'muted'}, 'Draw a digit to see the prediction.'));
        return;
      }
      busy = true;
      // Marks a drawing whose prediction is still on its way (tests wait for it to settle).
      result.dataset.pending = 'true';
      try {
        const p = await request('predictPixels', {pixels, topK: TOP_K});
        clear(result);
        const explain = h('vscode-button', {id: 'draw-explain', secondary: true}, 'Explain');
        explain.addEventListener('click', () => void this.explainView.explain({kind: 'values', values: pixels}));
        const layers = h('vscode-button', {id: 'draw-activations', secondary: true}, 'Activations');
        layers.addEventListener('click', () => requestActivations({sample: {kind: 'values', values: pixels}, caption: 'the drawing'}));
        result.append(h('div', {}, 'Predicted: ', h('strong', {'data-testid': 'draw-predicted'}, String(p.predicted)), computeTime(p)),
          topBars(p, 'draw-top-k'), h('div', {class: 'toolbar'}, explain, layers));
      } catch (e) {
        clear(result);
        result.append(h('p', {class: 'error'}, (e as Error).message));
      } finally {
        busy = false;
        if (again) {
          again = false;
          void predict();
        } else {
          delete result.dataset.pending;
        }
      }
    };
    const pad = drawPad(() => void predict());
    const clearButton = h('vscode-button', {secondary: true, id: 'draw-clear'}, 'Clear');
    clearButton.addEventListener('click', () => pad.clear());
    (window as unknown as {inspectorDrawPad?: typeof pad}).inspectorDrawPad = pad;
    this.root.append(h('h2', {}, 'Draw'), h('div', {class: 'draw'}, h('div', {}, pad.element, h('div', {class: 'toolbar'}, clearButton)), result));
  }

  // ------------------------------------------------------------ non-image input

  private renderInputEditor(): void {
    const size = this.model.inputShape.reduce((a, b) => a * b, 1);
    const area = h('textarea', {id: 'input-values', rows: 4, class: 'input-values', spellcheck: 'false'}) as HTMLTextAreaElement;
    area.value = new Array(Math.min(size, 4096)).fill(0).join(', ');
    const run = h('vscode-button', {id: 'input-predict'}, 'Predict');
    const random = h('vscode-button', {secondary: true, id: 'input-random'}, 'Random values');
    const out = h('div', {class: 'output-vector', 'data-testid': 'output-vector', 'aria-live': 'polite'});
    const predict = async () => {
      const values = area.value.split(/[\s,]+/).filter(Boolean).map(Number);
      clear(out);
      try {
        const p = await request('predictPixels', {pixels: values, topK: TOP_K});
        out.append(h('h3', {}, 'Output', computeTime(p)), h('table', {class: 'vector'},
          h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'index'), h('th', {scope: 'col', class: 'num'}, 'value'))),
          h('tbody', {}, ...p.probabilities.map((v, i) => h('tr', {class: i === p.predicted ? 'top-first' : ''}, h('td', {}, String(i)), h('td', {class: 'num'}, fixed(v)))))),
        p.probabilities.length > 1 ? topBars(p, 'vector-top-k') : '');
      } catch (e) {
        out.append(h('p', {class: 'error'}, (e as Error).message));
      }
    };
    run.addEventListener('click', () => void predict());
    random.addEventListener('click', () => {
      area.value = Array.from({length: size}, () => (Math.random() * 2 - 1).toFixed(3)).join(', ');
      void predict();
    });
    this.root.append(h('h2', {}, 'Input'),
      h('p', {class: 'muted'}, `This model has no test set here. Enter ${integer.format(size)} input values (shape [${this.model.inputShape.join(', ')}]), separated by commas.`),
      h('label', {for: 'input-values'}, 'Input values'), area, h('div', {class: 'toolbar'}, run, random), out);
  }

  // ------------------------------------------------------------ evaluation

  private renderEvaluation(): void {
    const button = h('vscode-button', {id: 'evaluate'}, 'Evaluate on the test set');
    const progress = h('progress', {max: 1, value: 0, class: 'eval-progress', 'aria-label': 'Evaluation progress'}) as HTMLProgressElement;
    progress.hidden = true;
    // Samples done out of the test set's, as the worker reports them; the last count stays.
    const count = h('span', {class: 'muted eval-count', 'data-testid': 'eval-count'});
    const out = h('div', {'data-testid': 'evaluation', 'aria-live': 'polite'});
    onEvaluateProgress(({done, total}) => {
      progress.hidden = done >= total;
      progress.max = total;
      progress.value = done;
      count.textContent = `${integer.format(done)} / ${integer.format(total)} samples`;
      progress.setAttribute('aria-valuetext', count.textContent);
    });
    button.addEventListener('click', async () => {
      button.setAttribute('disabled', '');
      progress.hidden = false;
      count.textContent = 'Starting…';
      clear(out);
      try {
        const r = await request('evaluate', {});
        // Predictions made earlier (the misclassified filter) are reused without progress events.
        count.textContent = `${integer.format(r.count)} / ${integer.format(r.count)} samples`;
        updateState({evaluation: r});
        out.append(evaluationView(r));
      } catch (e) {
        out.append(h('p', {class: 'error'}, (e as Error).message));
      } finally {
        progress.hidden = true;
        button.removeAttribute('disabled');
      }
    });
    const saved = getState().evaluation;
    if (saved) out.append(evaluationView(saved));
    this.root.append(h('h2', {}, 'Evaluation'), h('div', {class: 'toolbar'}, button, progress, count), out);
  }
}

export function evaluationView(r: EvaluationResult): HTMLElement {
  const classes = r.confusion.length;
  const max = Math.max(1, ...r.confusion.flatMap((row, i) => row.filter((_, j) => j !== i)));
  const maxDiag = Math.max(1, ...r.confusion.map((row, i) => row[i]!));
  const head = h('tr', {}, h('th', {scope: 'col'}, 'true \\ predicted'),
    ...Array.from({length: classes}, (_, j) => h('th', {scope: 'col', class: 'num'}, String(j))),
    h('th', {scope: 'col', class: 'num'}, 'accuracy'));
  const rows = r.confusion.map((row, i) => h('tr', {},
    h('th', {scope: 'row'}, String(i)),
    ...row.map((n, j) => {
      const cell = h('td', {class: `num cm-cell${i === j ? ' diagonal' : ''}`, 'data-count': n, title: `true ${i}, predicted ${j}: ${n}`}, String(n));
      cell.style.setProperty('--intensity', String(i === j ? n / maxDiag : n / max));
      return cell;
    }),
    h('td', {class: 'num', 'data-testid': 'class-accuracy'}, percent(r.perClassAccuracy[i]!, 1))));
  return h('div', {class: 'evaluation'},
    h('p', {'data-testid': 'evaluation-summary'},
      `Accuracy `, h('strong', {}, percent(r.accuracy, 2)),
      r.loss === undefined ? ' · no loss (the model has no training configuration)' : h('span', {title: r.lossName ?? ''}, ` · loss ${fixed(r.loss)}`),
      ...Object.entries(r.metrics ?? {}).filter(([name]) => name !== 'accuracy').map(([name, v]) => ` · ${name} ${fixed(v)}`),
      ` · ${integer.format(r.count)} samples`),
    h('table', {class: 'confusion', 'data-testid': 'confusion-matrix'},
      h('caption', {}, 'Confusion matrix (rows: true class, columns: predicted class)'),
      h('thead', {}, head), h('tbody', {}, ...rows)));
}

export function renderPredictions(container: HTMLElement, model: ModelHandle): Promise<void> {
  if (container.dataset.rendered === 'true') return Promise.resolve();
  container.dataset.rendered = 'true';
  return new PredictionsView(container, model).render().catch((e) => {
    container.dataset.rendered = 'false';
    container.append(h('p', {class: 'error'}, `Could not load predictions: ${(e as Error).message}`));
  });
}

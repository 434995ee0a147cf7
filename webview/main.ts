/**
 * Keras Workbench model inspector: the webview's entry point. The panel shows one subject, a
 * loaded model or a training run, in tabs: Layers, Weights, Predictions, Training.
 */
import '@vscode-elements/elements/dist/vscode-tabs/index.js';
import '@vscode-elements/elements/dist/vscode-tab-header/index.js';
import '@vscode-elements/elements/dist/vscode-tab-panel/index.js';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import './styles.css';
import type {InspectorSubject, ModelHandle} from '../src/protocol/messages';
import {h, clear, integer} from './dom';
import {getState, mark, onSubject, onTrainActivations, onTrainProgress, ready, updateState} from './rpc';
import {renderLayers} from './layers';
import {SHOW_ACTIVATIONS_EVENT} from './activations';
import {renderWeights, resetWeights} from './weights';
import {renderPredictions} from './predictions';
import {TrainingView, initialSeries} from './training';
import {WatchView} from './watch';

interface Tab {
  id: string;
  label: string;
  render(panel: HTMLElement): void;
}

const app = document.getElementById('app')!;
let training: TrainingView | undefined;
let trainingRunId: string | undefined;
/** A training run's watched sample (Training tab); none for a loaded model. */
let watch: WatchView | undefined;

function header(subject: InspectorSubject): HTMLElement {
  if (subject.kind === 'training' && !subject.model) {
    return h('header', {class: 'top'}, h('h1', {}, subject.title), h('p', {class: 'muted'}, `Training run ${subject.runId}`));
  }
  const m = subject.model!;
  return h('header', {class: 'top'},
    h('h1', {}, m.summary.modelName),
    h('p', {class: 'muted'},
      h('span', {'data-testid': 'model-path'}, m.path), ' · ', `format ${m.format}`,
      m.kerasVersion ? ` · ${m.kerasVersion}` : '', ' · ', `${integer.format(m.summary.totalParams)} parameters`,
      m.compiled ? ' · compiled' : ' · not compiled'),
    // Load warnings (NaN or Inf weights): the model opened, but its predictions will not be numbers.
    ...(m.warnings ?? []).map((w) => h('p', {class: 'warning', 'data-testid': 'model-warning', role: 'alert'}, `⚠ ${w}`)));
}

function tabsFor(subject: InspectorSubject): Tab[] {
  const model: ModelHandle | undefined = subject.model;
  const tabs: Tab[] = [];
  if (model) {
    tabs.push(
      {id: 'layers', label: 'Layers', render: (p) => renderLayers(p, model.summary)},
      {id: 'weights', label: 'Weights', render: (p) => void renderWeights(p)},
      {id: 'predictions', label: 'Predictions', render: (p) => void renderPredictions(p, model)},
    );
  }
  tabs.push({id: 'training', label: 'Training', render: (p) => {
    if (training) return;
    const runId = subject.kind === 'training' ? subject.runId : undefined;
    trainingRunId = runId;
    const series = initialSeries(model?.history, runId);
    // A run's saved model is loaded only once the run has ended.
    watch = runId === undefined ? undefined : new WatchView(runId, {ended: series.finished || model !== undefined, hasModel: model !== undefined});
    training = new TrainingView(p, series, runId !== undefined, watch?.element);
  }});
  return tabs;
}

/** The subject on screen, as JSON: the host re-sends the current one whenever the page loads. */
let shown: string | undefined;

function show(subject: InspectorSubject): void {
  shown = JSON.stringify(subject);
  const previous = getState().subject;
  const sameModel = previous?.kind === subject.kind && previous.model?.modelId === subject.model?.modelId
    && (subject.kind !== 'training' || (previous as {runId?: string}).runId === subject.runId);
  if (!sameModel) {
    updateState({subject, expandedLayers: previous?.model?.path === subject.model?.path ? getState().expandedLayers : [], filePredictions: undefined});
  } else updateState({subject});
  resetWeights();
  training = undefined;
  watch = undefined;
  clear(app);
  const tabs = tabsFor(subject);
  const selected = Math.min(getState().tab, tabs.length - 1);
  const container = h('vscode-tabs', {'selected-index': selected, 'aria-label': 'Inspector sections'});
  const panels = tabs.map((t) => h('vscode-tab-panel', {'data-tab': t.id}));
  tabs.forEach((t, i) => container.append(h('vscode-tab-header', {slot: 'header', 'data-tab': t.id}, t.label), panels[i]!));
  const rendered = new Set<number>();
  const activate = (i: number) => {
    if (rendered.has(i)) return;
    rendered.add(i);
    tabs[i]!.render(panels[i]!);
  };
  container.addEventListener('vsc-tabs-select', (ev) => {
    const i = (ev as CustomEvent<{selectedIndex: number}>).detail.selectedIndex;
    updateState({tab: i});
    activate(i);
  });
  app.append(header(subject), container);
  activate(selected);
  if (subject.model && selected !== 0) activate(0);
  // A live run's curves must collect every event, even before the tab is looked at.
  if (subject.kind === 'training') activate(tabs.length - 1);
  requestAnimationFrame(() => mark('layers-visible'));
}

// A sample sent from the Predictions tab: its activations are on the Layers tab.
document.addEventListener(SHOW_ACTIVATIONS_EVENT, () => {
  const tabs = app.querySelector('vscode-tabs') as (HTMLElement & {selectedIndex: number}) | null;
  if (tabs && tabs.selectedIndex !== 0) {
    tabs.selectedIndex = 0;
    updateState({tab: 0});
  }
});

onSubject((s) => {
  if (JSON.stringify(s) !== shown) show(s);
});
onTrainProgress((p) => {
  if (!training || (trainingRunId !== undefined && p.runId !== trainingRunId)) return;
  training.progress(p);
  watch?.progress(p);
});
onTrainActivations((a) => watch?.activations(a));

function embeddedSubject(): InspectorSubject | undefined {
  const el = document.getElementById('inspector-subject');
  if (!el?.textContent) return undefined;
  try {
    return JSON.parse(el.textContent) as InspectorSubject;
  } catch {
    return undefined;
  }
}

/**
 * The page's HTML carries the subject the panel was opened with. A training run's panel that was
 * hidden and shown again is reloaded from that HTML, but its saved state knows the run's model:
 * that wins (the host re-sends the current subject after 'ready' in any case).
 */
function initialSubject(): InspectorSubject | undefined {
  const embedded = embeddedSubject();
  const saved = getState().subject;
  if (embedded?.kind === 'training' && saved?.kind === 'training' && saved.runId === embedded.runId && saved.model && !embedded.model) return saved;
  return embedded ?? saved;
}

const subject = initialSubject();
if (subject) show(subject);
else app.append(h('p', {class: 'muted'}, 'Waiting for the model…'));
ready();

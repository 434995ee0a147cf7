/**
 * Checks a training spec's text before anything runs: JSON syntax, the schema, layer types and
 * arguments (from the layer catalog), every layer's shape from the data's headers, the output
 * against the labels and the loss, missing data files and save targets the engine would refuse.
 * Each finding sits on the exact JSON range at fault (offsets into the text) and may carry a
 * quick fix as text edits. `keras-workbench check`, training and the language server all use it.
 */
import * as fs from 'fs';
import * as path from 'path';
import Ajv, {ErrorObject} from 'ajv';
import {findNodeAtLocation, getNodeValue, Node, parseTree, ParseError, printParseErrorCode} from 'jsonc-parser';
import schema from '../../../schemas/train-spec.schema.json';
import {SpecError, oneLine} from '../../common/errors';
import {formatShape} from '../../keras/analysis/catalog';
import {describeDataShape, DataShape, usableFileName} from './data-shape';
import {analyzeConfig, analyzeLayers, declaredInputShape, LayerReport, ModelReport, Problem, Severity} from '../../keras/analysis/model-analysis';
import {saveTargetProblem} from '../../formats/save-target';
import {isSaveFormat} from '../../formats/table';
import {trainingTarget} from '../training/target';
import {closest} from '../../keras/analysis/did-you-mean';

export interface TextEdit {
  offset: number;
  length: number;
  newText: string;
}

export interface SpecDiagnostic {
  offset: number;
  length: number;
  severity: Severity;
  /** The spec field at fault, e.g. `model.layers[4].units`. */
  field: string;
  /** `field: problem`, as the command line prints it. */
  message: string;
  /** The message without its field (an editor shows the field by the range it underlines). */
  problem: string;
  code?: string;
  fix?: {title: string; edits: TextEdit[]};
}

export interface LayerView extends LayerReport {
  /** Range of the layer's JSON object. */
  offset: number;
  length: number;
}

export interface SpecAnalysis {
  diagnostics: SpecDiagnostic[];
  layers: LayerView[];
  model?: ModelReport;
  data: DataShape;
  /** The parsed spec (as far as it parses); undefined when the text is not JSON. */
  raw?: Record<string, any>;
  /** Samples per epoch after validation_split, when the data's size is known. */
  epochSamples?: number;
  savePath?: string;
}

export interface SpecCheckOptions {
  /** Root that relative paths resolve against (the workspace folder; the CLI's current directory). */
  workspaceRoot?: string;
  /** Layer classes registered through custom objects. */
  customLayers?: readonly string[];
}

type Segment = string | number;

// verbose: errors carry their schema, whose property names feed the did-you-mean.
const ajv = new Ajv({allErrors: true, strict: false, verbose: true});
const validateSchema = ajv.compile(schema);

const CLASSIFICATION_LOSSES = new Set(['sparse_categorical_crossentropy', 'categorical_crossentropy']);

export function fieldName(segments: Segment[]): string {
  return segments.map((s, i) => (typeof s === 'number' ? `[${s}]` : `${i ? '.' : ''}${s}`)).join('') || '(root)';
}

class Collector {
  readonly diagnostics: SpecDiagnostic[] = [];
  constructor(readonly text: string, readonly tree: Node | undefined) {}

  node(segments: Segment[]): Node | undefined {
    return this.tree && findNodeAtLocation(this.tree, segments);
  }

  /** Range of a value (or of its key); a missing one falls back to the nearest existing parent's key. */
  range(segments: Segment[], onKey = false): {offset: number; length: number} {
    for (let n = segments.length; n >= 0; n--) {
      const node = this.node(segments.slice(0, n));
      if (!node) continue;
      const key = node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
      if (key && (onKey || n < segments.length)) return {offset: key.offset, length: key.length};
      if (node.type === 'object' || node.type === 'array') {
        // Whole objects make unreadable squiggles: the opening brace is enough.
        return {offset: node.offset, length: 1};
      }
      return {offset: node.offset, length: node.length};
    }
    return {offset: 0, length: 0};
  }

  add(severity: Severity, segments: Segment[], message: string, extra: Partial<SpecDiagnostic> & {onKey?: boolean} = {}): void {
    const {onKey, ...rest} = extra;
    const at = this.range(segments, onKey);
    const field = fieldName(segments);
    this.diagnostics.push({...at, severity, field, message: `${field}: ${message}`, problem: message, ...rest});
  }
}

function schemaDiagnostics(raw: unknown, out: Collector): void {
  if (validateSchema(raw)) return;
  const errors = (validateSchema.errors ?? []).filter((e) => e.keyword !== 'if');
  // ajv reports every failed oneOf branch; keep the branch the user evidently meant (deepest
  // errors, fewest missing keys), as spec.ts does for its single message. An error inside a
  // referenced schema ($ref) carries that schema's path, not the branch's: it counts for the
  // branches of every oneOf around its instance as one more branch, 'ref'.
  const sites = errors.filter((e) => e.keyword === 'oneOf').map((e) => ({schema: e.schemaPath, instance: e.instancePath}));
  const branchesOf = (e: ErrorObject) => sites
    .filter((site) => e.instancePath === site.instance || e.instancePath.startsWith(`${site.instance}/`))
    .map((site) => `${site.schema}/${e.schemaPath.startsWith(`${site.schema}/`) ? e.schemaPath.slice(site.schema.length + 1).split('/')[0] : 'ref'}`);
  const depth = new Map<string, number>();
  const missing = new Map<string, number>();
  for (const e of errors) {
    if (e.keyword === 'oneOf') continue;
    for (const key of branchesOf(e)) {
      depth.set(key, Math.max(depth.get(key) ?? 0, e.instancePath.split('/').length));
      if (e.keyword === 'required') missing.set(key, (missing.get(key) ?? 0) + 1);
    }
  }
  const score = new Map([...depth].map(([key, d]) => [key, d * 100 - (missing.get(key) ?? 0)]));
  const bestBranch = new Map<string, string>();
  for (const [key, s] of score) {
    const site = key.slice(0, key.lastIndexOf('/'));
    const current = bestBranch.get(site);
    if (current === undefined || s > score.get(current)!) bestBranch.set(site, key);
  }
  const seen = new Set<string>();
  for (const e of errors) {
    if (e.keyword === 'oneOf') continue;
    if (branchesOf(e).some((key) => bestBranch.get(key.slice(0, key.lastIndexOf('/'))) !== key)) continue;
    const segments: Segment[] = e.instancePath.split('/').filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    let message = e.message ?? 'is invalid';
    let onKey = false;
    let replacement: string | undefined;
    if (e.keyword === 'additionalProperties') {
      const extra = (e.params as {additionalProperty: string}).additionalProperty;
      segments.push(extra);
      const guess = closest(extra, Object.keys((e.parentSchema as {properties?: object} | undefined)?.properties ?? {}));
      message = `is not a known setting${guess ? ` (did you mean '${guess}'?)` : ''}`;
      replacement = guess && JSON.stringify(guess);
      onKey = true;
    } else if (e.keyword === 'required') {
      message = `needs '${(e.params as {missingProperty: string}).missingProperty}'`;
    } else if (e.keyword === 'pattern' && e.parentSchema?.patternErrorMessage) {
      message = e.parentSchema.patternErrorMessage as string;
    } else if (e.keyword === 'enum') {
      message = `must be one of: ${(e.params as {allowedValues: unknown[]}).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    }
    const key = `${fieldName(segments)}:${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const fix = replacement ? {title: `Change to ${replacement}`, edits: [{...out.range(segments, true), newText: replacement}]} : undefined;
    out.add('error', segments, message, {code: 'schema', onKey, fix});
  }
}

/** Text that inserts a new array element before `node`, on its own line when the array is one per line. */
function insertBefore(text: string, node: Node, element: string): TextEdit {
  const lineStart = text.lastIndexOf('\n', node.offset - 1) + 1;
  const indent = text.slice(lineStart, node.offset);
  const ownLine = /^\s*$/.test(indent);
  return {offset: node.offset, length: 0, newText: ownLine ? `${element},\n${indent}` : `${element}, `};
}

function layerProblemDiagnostics(report: LayerReport, out: Collector): void {
  const base: Segment[] = ['model', 'layers', report.index];
  for (const p of report.problems) diagnoseProblem(p, base, out);
}

function diagnoseProblem(p: Problem, base: Segment[], out: Collector): void {
  const segments = p.arg ? [...base, p.arg] : [...base, 'type'];
  let fix: SpecDiagnostic['fix'];
  if (p.replacement) {
    const at = out.range(segments, p.onKey);
    fix = {title: `Change to ${p.replacement}`, edits: [{...at, newText: p.replacement}]};
  }
  out.add(p.severity, segments, p.message, {onKey: p.onKey, code: p.code, fix});
}

function outputDiagnostics(model: ModelReport, layers: Record<string, unknown>[], data: DataShape, loss: string, out: Collector): void {
  const last = model.layers[model.layers.length - 1];
  // After a layer with errors, the output as far as it is known (rank, spatial size) still tells.
  const output = model.output ?? last?.partial?.output;
  if (!output || layers.length === 0) return;
  const lastIndex = last.index;
  const labels = data.labels;
  const sparseLabels = labels?.kind === 'sparse';
  if (loss === 'categorical_crossentropy' && sparseLabels) {
    const at = out.range(['compile', 'loss']);
    out.add('error', ['compile', 'loss'], 'the labels are class indices (one integer per sample) but categorical_crossentropy needs one-hot vectors; use sparse_categorical_crossentropy',
      {code: 'loss', fix: {title: 'Use sparse_categorical_crossentropy', edits: [{...at, newText: '"sparse_categorical_crossentropy"'}]}});
    return;
  }
  if (loss === 'sparse_categorical_crossentropy' && labels?.kind === 'vector') {
    out.add('error', ['compile', 'loss'], `the labels are vectors of shape (${labels.shape!.join(', ')}) but sparse_categorical_crossentropy needs one class index per sample; use categorical_crossentropy for one-hot labels`, {code: 'loss'});
    return;
  }
  const wantsVector = CLASSIFICATION_LOSSES.has(loss) || sparseLabels || (labels?.kind === 'vector' && labels.shape!.length === 1);
  if (wantsVector && output.length !== 1) {
    const classes = labels?.classes ?? (sparseLabels ? undefined : labels?.shape?.[0]);
    const wanted = `(None, ${classes ?? 'classes'})`;
    const inputOf = (l: ModelReport['layers'][number]) => l.input ?? l.partial?.input;
    const culprit = model.layers.find((l) => l.type === 'Dense' && (inputOf(l)?.length ?? 0) >= 2);
    const because = `the model outputs ${formatShape(output)} but ${loss} with ${sparseLabels ? 'one class index per sample' : 'these labels'} needs ${wanted}`;
    if (culprit) {
      const node = out.node(['model', 'layers', culprit.index]);
      out.add('error', ['model', 'layers', culprit.index, 'type'],
        `Dense gets ${formatShape(inputOf(culprit)!)}, which keeps spatial axes, and outputs ${formatShape(culprit.output ?? culprit.partial!.output!)}: ${because}. Insert a Flatten before this layer.`,
        {code: 'missing-flatten', fix: node && {title: 'Insert a Flatten layer before this Dense', edits: [insertBefore(out.text, node, '{"type": "Flatten"}')]}});
    } else {
      out.add('error', ['model', 'layers', lastIndex, 'type'], `${because}. Flatten or pool (GlobalAveragePooling2D) the spatial axes before the last layer.`, {code: 'shape'});
    }
    return;
  }
  if (output.length !== 1) return;
  const units = output[0];
  const classes = labels?.classes;
  const unitsNode = out.node(['model', 'layers', lastIndex, 'units']);
  if (CLASSIFICATION_LOSSES.has(loss) && classes !== undefined && units !== null && units !== classes) {
    const severity: Severity = units < classes ? 'error' : 'warning';
    const why = units < classes
      ? `the labels have ${classes} classes (0 to ${classes - 1}) but the last layer outputs ${units}: labels from ${units} up have no output`
      : `the labels have ${classes} classes but the last layer outputs ${units} (${units - classes} never trained)`;
    out.add(severity, unitsNode ? ['model', 'layers', lastIndex, 'units'] : ['model', 'layers', lastIndex, 'type'], `${why}; set units to ${classes}`, {
      code: 'units-vs-classes',
      fix: unitsNode ? {title: `Set units to ${classes} (the number of classes)`, edits: [{offset: unitsNode.offset, length: unitsNode.length, newText: String(classes)}]} : undefined,
    });
  }
  if (loss === 'binary_crossentropy' && sparseLabels && units !== 1) {
    out.add('warning', ['model', 'layers', lastIndex, 'type'], `binary_crossentropy with one label per sample expects one output unit, the model outputs ${formatShape(output)} (Keras broadcasts the label against every unit)`, {code: 'shape'});
  }
  if ((loss === 'mean_squared_error' || loss === 'mse' || loss === 'mean_absolute_error' || loss === 'mae') && labels?.kind === 'vector'
    && labels.shape!.join() !== output.join()) {
    out.add('error', ['model', 'layers', lastIndex, 'type'], `the targets have shape (None, ${labels.shape!.join(', ')}) but the model outputs ${formatShape(output)}`, {code: 'shape'});
  }
  if (CLASSIFICATION_LOSSES.has(loss)) {
    const lastLayer = layers[layers.length - 1];
    const probabilities = lastLayer.activation === 'softmax' || lastLayer.type === 'Softmax' ||
      (lastLayer.type === 'Activation' && lastLayer.activation === 'softmax');
    if (!probabilities) {
      out.add('warning', ['model', 'layers', lastIndex, lastLayer.activation !== undefined ? 'activation' : 'type'],
        `${loss} expects probabilities (Keras's from_logits=False) but the last layer has no softmax activation`, {code: 'activation'});
    }
  }
}

function modelDiagnostics(raw: Record<string, any>, data: DataShape, out: Collector, options: SpecCheckOptions, root: string): {model?: ModelReport; layers: LayerView[]} {
  const model = raw.model;
  if (!model || typeof model !== 'object') return {layers: []};
  if (typeof model.weights === 'string' && model.weights && usableFileName(model.weights) && !fs.existsSync(path.resolve(root, model.weights))) {
    out.add('error', ['model', 'weights'], `no weights file at ${model.weights} (relative to ${root})`, {code: 'missing-file'});
  }
  if (typeof model.from === 'string' && model.from && usableFileName(model.from)) {
    if (!fs.existsSync(path.resolve(root, model.from))) out.add('error', ['model', 'from'], `no saved model at ${model.from} (relative to ${root})`, {code: 'missing-file'});
    return {layers: []};
  }
  if (model.config && typeof model.config === 'object') {
    const report = analyzeConfig(model.config);
    for (const l of report.layers) for (const p of l.problems) out.add(p.severity, ['model', 'config'], `layer ${l.name} (${l.type}): ${p.message}`, {code: p.code});
    const input = report.inputShape;
    if (input && data.sample && (input.length !== data.sample.length || input.some((d, i) => d !== null && d !== data.sample![i]))) {
      out.add('error', ['model', 'config'], `the data's samples have shape (${data.sample.join(', ')}) but the model's input is ${formatShape(input)}`, {code: 'input-shape'});
    }
    return {model: report, layers: []};
  }
  if (!Array.isArray(model.layers)) return {layers: []};
  const layers = (model.layers as unknown[]).map((l) => (l && typeof l === 'object' && !Array.isArray(l) ? l : {})) as Record<string, unknown>[];
  if (layers.length === 0) return {layers: []};
  const declared = declaredInputShape(layers[0]);
  if (!declared && layers[0].type !== 'InputLayer') {
    const typeNode = out.node(['model', 'layers', 0, 'type']);
    const suggestion = data.sample && JSON.stringify(data.sample).replace(/,/g, ', ');
    out.add('error', ['model', 'layers', 0, 'type'],
      `the first layer needs input_shape${suggestion ? ` (the data's samples are ${suggestion})` : ' (e.g. [28, 28, 1])'} so the model can be built`, {
        code: 'input-shape',
        fix: typeNode && suggestion ? {title: `Add "input_shape": ${suggestion}`, edits: [{offset: typeNode.offset + typeNode.length, length: 0, newText: `, "input_shape": ${suggestion}`}]} : undefined,
      });
  } else if (declared && data.sample && declared.join() !== data.sample.join()) {
    const key = 'input_shape' in layers[0] ? 'input_shape' : 'batch_input_shape' in layers[0] ? 'batch_input_shape' : 'input_dim';
    const valueNode = out.node(['model', 'layers', 0, key]);
    const reshape = raw.preprocessing?.reshape ? '' : ' (or add preprocessing.reshape)';
    out.add('error', ['model', 'layers', 0, key],
      `the data's samples have shape (${data.sample.join(', ')})${raw.preprocessing?.reshape ? ' after preprocessing.reshape' : ''} but the model expects (${declared.join(', ')})${reshape}`, {
        code: 'input-shape',
        fix: valueNode && key === 'input_shape' ? {title: `Set input_shape to the data's ${JSON.stringify(data.sample)}`, edits: [{offset: valueNode.offset, length: valueNode.length, newText: JSON.stringify(data.sample).replace(/,/g, ', ')}]} : undefined,
      });
  }
  const report = analyzeLayers(layers, declared ? undefined : data.sample ?? undefined, {customLayers: options.customLayers});
  for (const l of report.layers) layerProblemDiagnostics(l, out);
  const views: LayerView[] = report.layers.map((l) => {
    const node = out.node(['model', 'layers', l.index]);
    return {...l, offset: node?.offset ?? 0, length: node?.length ?? 0};
  });
  const loss = typeof raw.compile?.loss === 'string' ? raw.compile.loss : undefined;
  if (loss && (report.complete || report.layers.at(-1)?.partial?.output)) outputDiagnostics(report, layers, data, loss, out);
  return {model: report, layers: views};
}

/** Analyses a spec's text; never throws on bad input (everything becomes a diagnostic). */
export function analyzeSpecText(text: string, file: string, options: SpecCheckOptions = {}): SpecAnalysis {
  const root = path.resolve(options.workspaceRoot ?? process.cwd());
  const parseErrors: ParseError[] = [];
  const tree = parseTree(text, parseErrors, {allowTrailingComma: true, disallowComments: false});
  const out = new Collector(text, tree);
  for (const e of parseErrors) {
    const message = `invalid JSON: ${printParseErrorCode(e.error)}`;
    out.diagnostics.push({offset: e.offset, length: Math.max(e.length, 1), severity: 'error', field: '(root)', message, problem: message, code: 'syntax'});
  }
  const value = tree ? getNodeValue(tree) : undefined;
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    if (!parseErrors.length) {
      const message = 'a training spec is a JSON object';
      out.diagnostics.push({offset: 0, length: 1, severity: 'error', field: '(root)', message, problem: message});
    }
    return {diagnostics: out.diagnostics, layers: [], data: {problems: []}};
  }
  const raw = value as Record<string, any>;
  schemaDiagnostics(raw, out);
  const data = describeDataShape(raw.data, raw.preprocessing, root);
  for (const p of data.problems) {
    const segments = p.field.split('.');
    out.add(p.severity, segments, p.message, {code: p.code ?? 'data'});
  }
  const {model, layers} = modelDiagnostics(raw, data, out, options, root);
  let savePath: string | undefined;
  if (typeof raw.save?.path === 'string') {
    if (raw.save.path.trim() === '') out.add('error', ['save', 'path'], 'must not be empty');
    else if (usableFileName(raw.save.path)) {
      // The target training saves to, resolved as the trainer resolves it (an invalid format is the schema's finding).
      const target = trainingTarget({path: raw.save.path, format: isSaveFormat(raw.save.format) ? raw.save.format : undefined},
        file, raw.data, {workspaceRoot: root}).model;
      savePath = target.path;
      const problem = saveTargetProblem(target.path, target);
      if (problem) out.add('error', ['save', 'path'], problem, {code: 'save-target'});
    }
  }
  const split = typeof raw.fit?.validation_split === 'number' ? raw.fit.validation_split : 0;
  const epochSamples = data.trainCount !== undefined ? Math.floor(data.trainCount * (1 - split)) : undefined;
  out.diagnostics.sort((x, y) => x.offset - y.offset);
  return {diagnostics: out.diagnostics, layers, model, data, raw, epochSamples, savePath};
}

/** 1-based line and column of an offset. */
export function lineColumn(text: string, offset: number): {line: number; column: number} {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return {line, column: offset - lineStart + 1};
}

/** `file:line:col: severity: message`, as compilers print and VS Code's problem matchers read. */
export function formatDiagnostic(file: string, text: string, d: SpecDiagnostic): string {
  const {line, column} = lineColumn(text, d.offset);
  return oneLine(`${file}:${line}:${column}: ${d.severity}: ${d.message}`);
}

/**
 * A spec the analysis finds errors in: the first one in `file:line:col: message` form, and how
 * many more; `line` and `column` (1-based) locate the first, for editors that go to it.
 */
export class SpecCheckError extends SpecError {
  readonly line: number;
  readonly column: number;
  constructor(file: string, text: string, errors: SpecDiagnostic[]) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more error${errors.length > 2 ? 's' : ''}: keras-workbench check ${file})` : '';
    super(file, '', `${errors[0].message}${more}`);
    ({line: this.line, column: this.column} = lineColumn(text, errors[0].offset));
    this.message = `${oneLine(file)}:${this.line}:${this.column}: ${this.problem}`;
  }
}

/** Throws SpecCheckError when `diagnostics` hold errors. */
export function refuseErrors(file: string, text: string, diagnostics: SpecDiagnostic[]): void {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new SpecCheckError(file, text, errors);
}

/**
 * Training's gate: refuses a spec with errors before any data loads, pointing at them. Reads the
 * spec file when it exists (for line and column), else analyses the spec object itself.
 */
export function refuseSpecWithErrors(spec: unknown, file: string, options: SpecCheckOptions & {saveOverridden?: boolean} = {}): SpecAnalysis {
  const text = fs.existsSync(file) && fs.statSync(file).isFile() ? fs.readFileSync(file, 'utf8') : JSON.stringify(spec, null, 1);
  const analysis = analyzeSpecText(text, file, options);
  refuseErrors(file, text, analysis.diagnostics.filter((d) => !(options.saveOverridden && d.code === 'save-target')));
  return analysis;
}

/**
 * The language features over one analysed spec: diagnostics, hover, inlay hints, code lenses,
 * completion and quick fixes, as LSP values. Everything comes from the engine's spec analysis
 * and layer catalog; nothing here computes a shape itself.
 */
import * as fs from 'fs';
import {pathToFileURL} from 'url';
import type {TextDocument} from 'vscode-languageserver-textdocument';
import {
  CodeAction, CodeActionKind, CodeLens, CompletionItem, CompletionItemKind, Diagnostic, DiagnosticSeverity, Hover,
  InlayHint, InlayHintKind, InsertTextFormat, MarkupKind, Range, TextEdit,
} from 'vscode-languageserver';
import {findNodeAtLocation, findNodeAtOffset, getLocation, Node, parseTree} from 'jsonc-parser';
import {ArgInfo, COMMON_ARGS, LAYER_CATALOG, formatShape, layerArgs, layerInfo} from '../keras/analysis/catalog';
import type {LayerView, SpecAnalysis} from '../engine/analysis/spec-analysis';
import {SPEC_SCHEMA} from '../engine/spec/spec';
import type {TrainingRate} from '../protocol/language-server';
import {formatRange} from './calibration';

export interface FixData {
  title: string;
  edits: TextEdit[];
}

const SEVERITY = {error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information};

function rangeOf(doc: TextDocument, offset: number, length: number): Range {
  return {start: doc.positionAt(offset), end: doc.positionAt(offset + length)};
}

export function diagnostics(doc: TextDocument, analysis: SpecAnalysis, options: {skipSchema?: boolean} = {}): Diagnostic[] {
  return analysis.diagnostics
    .filter((d) => !(options.skipSchema && d.code === 'schema'))
    .map((d) => ({
      range: rangeOf(doc, d.offset, d.length),
      severity: SEVERITY[d.severity],
      source: 'keras',
      code: d.code,
      // The range shows the field; the message need not repeat it.
      message: d.problem,
      data: d.fix && ({title: d.fix.title, edits: d.fix.edits.map((e) => TextEdit.replace(rangeOf(doc, e.offset, e.length), e.newText))} satisfies FixData),
    }));
}

export function quickFixes(uri: string, context: Diagnostic[]): CodeAction[] {
  return context.filter((d) => d.source === 'keras' && d.data).map((d) => {
    const fix = d.data as FixData;
    return {title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, edit: {changes: {[uri]: fix.edits}}};
  });
}

// ---------------------------------------------------------------- numbers as people read them

const count = (n: number) => n.toLocaleString('en-US');

export function formatFlops(n: number): string {
  const units = [['G', 1e9], ['M', 1e6], ['K', 1e3]] as const;
  for (const [u, v] of units) if (n >= v) return `${(n / v).toFixed(1)} ${u}FLOPs`;
  return `${n} FLOPs`;
}

export function formatBytes(n: number): string {
  if (n >= 1 << 20) return `${(n / (1 << 20)).toFixed(1)} MiB`;
  if (n >= 1 << 10) return `${(n / (1 << 10)).toFixed(1)} KiB`;
  return `${n} B`;
}

export function formatSeconds(s: number): string {
  if (s < 1) return `${Math.max(1, Math.round(s * 1000))} ms`;
  if (s < 90) return `${s.toFixed(s < 10 ? 1 : 0)} s`;
  if (s < 5400) return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
  return `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min`;
}

// ---------------------------------------------------------------- hover

function layerAt(analysis: SpecAnalysis, offset: number): LayerView | undefined {
  return analysis.layers.find((l) => offset >= l.offset && offset < l.offset + l.length);
}

export function layerMarkdown(layer: LayerView): string {
  const info = layerInfo(layer.type);
  const lines = [`**${layer.type}** \`${layer.name}\`${info ? ` — ${info.description}` : ''}`, ''];
  if (layer.output) {
    lines.push(`Output shape: \`${formatShape(layer.output)}\`${layer.input ? ` (input \`${formatShape(layer.input)}\`)` : ''}`, '');
    const params = layer.trainable + layer.nonTrainable;
    lines.push(`Parameters: ${count(params)} (trainable ${count(layer.trainable)}, non-trainable ${count(layer.nonTrainable)})`, '');
    lines.push(`FLOPs per sample: ${formatFlops(layer.flops)} (forward)`, '');
    lines.push(`Weight memory: ${formatBytes(params * 4)} (float32)`);
  } else {
    lines.push('Output shape: unknown until the problems reported on this layer or an earlier one are fixed');
  }
  return lines.join('\n');
}

function argMarkdown(type: string, name: string, arg: ArgInfo): string {
  const parts = [`**${name}** (${type}${arg.required ? ', required' : ''}) — ${arg.description}`];
  if (arg.default !== undefined) parts.push(`Default: \`${JSON.stringify(arg.default)}\``);
  if (arg.values) parts.push(`Values: ${arg.values.map((v) => `\`${JSON.stringify(v)}\``).join(', ')}`);
  return parts.join('\n\n');
}

/** The schema node describing a JSON path (properties, items, oneOf branches merged, $refs resolved). */
function schemaAt(segments: (string | number)[]): any | undefined {
  const resolve = (s: any): any => (s?.$ref ? resolve((SPEC_SCHEMA as any).definitions[s.$ref.split('/').pop()]) : s);
  let nodes: any[] = [SPEC_SCHEMA];
  for (const seg of segments) {
    const next: any[] = [];
    for (const raw of nodes) {
      const n = resolve(raw);
      const branches = n?.oneOf ? n.oneOf.map(resolve) : [n];
      for (const b of branches) {
        if (typeof seg === 'number' && b?.items) next.push(resolve(b.items));
        else if (typeof seg === 'string' && b?.properties?.[seg]) next.push(resolve(b.properties[seg]));
      }
    }
    if (!next.length) return undefined;
    nodes = next;
  }
  const [first, ...rest] = nodes.map(resolve);
  if (!rest.length) return first;
  return {...first, oneOf: [first, ...rest]};
}

function schemaProperties(node: any): Record<string, any> {
  const out: Record<string, any> = {};
  for (const b of node?.oneOf ?? [node]) Object.assign(out, b?.properties ?? {});
  return out;
}

function schemaEnum(node: any): unknown[] {
  const values: unknown[] = [];
  for (const b of node?.oneOf ?? [node]) {
    const r = b?.$ref ? (SPEC_SCHEMA as any).definitions[b.$ref.split('/').pop()] : b;
    values.push(...(r?.enum ?? []), ...(r?.items?.enum ?? []));
  }
  return [...new Set(values)];
}

function layerIndexOf(path: (string | number)[]): number | undefined {
  return path[0] === 'model' && path[1] === 'layers' && typeof path[2] === 'number' ? path[2] : undefined;
}

export function hover(doc: TextDocument, analysis: SpecAnalysis, offset: number): Hover | null {
  const text = doc.getText();
  const tree = parseTree(text);
  const node = tree && findNodeAtOffset(tree, offset);
  if (!node) return null;
  const property = node.parent?.type === 'property' ? node.parent : undefined;
  const onKey = property?.children?.[0] === node;
  const location = getLocation(text, offset);
  const layer = layerAt(analysis, offset);
  const range = rangeOf(doc, node.offset, node.length);
  if (layer) {
    const key = onKey ? String(node.value) : undefined;
    const arg = key && key !== 'type' ? layerArgs(layer.type)[key] : undefined;
    const value = arg ? `${argMarkdown(layer.type, key!, arg)}\n\n---\n\n${layerMarkdown(layer)}` : layerMarkdown(layer);
    return {contents: {kind: MarkupKind.Markdown, value}, range};
  }
  if (onKey) {
    const schema = schemaAt(location.path.map((s, i) => (i === location.path.length - 1 ? String(node.value) : s)));
    if (schema?.description) return {contents: {kind: MarkupKind.Markdown, value: `**${node.value}** — ${schema.description}`}, range};
  }
  return null;
}

// ---------------------------------------------------------------- inlay hints and code lenses

export function inlayHints(doc: TextDocument, analysis: SpecAnalysis, range?: Range): InlayHint[] {
  const from = range ? doc.offsetAt(range.start) : 0;
  const to = range ? doc.offsetAt(range.end) : Infinity;
  return analysis.layers
    .filter((l) => l.output && l.offset + l.length >= from && l.offset <= to && l.length > 0)
    .map((l) => ({position: doc.positionAt(l.offset + l.length), label: `→ ${formatShape(l.output!)}`, kind: InlayHintKind.Type, paddingLeft: true}));
}

/** Training does a forward and a backward pass (about twice the forward's work): 3x forward FLOPs. */
export const TRAINING_FLOPS_FACTOR = 3;

export function epochEstimate(analysis: SpecAnalysis, rate: {flopsPerSecond: number} | undefined): number | undefined {
  const model = analysis.model;
  if (!model?.complete || !analysis.epochSamples || !rate || model.flops <= 0) return undefined;
  return (analysis.epochSamples * model.flops * TRAINING_FLOPS_FACTOR) / rate.flopsPerSecond;
}

/** A training rate for the epoch estimate; `spread`: an estimate, shown as the range (estimate / spread .. estimate x spread). */
export interface EpochRate {
  flopsPerSecond: number;
  source: 'measured' | 'calibration';
  detail: string;
  spread?: number;
}

/** `5 min 0 s` for a measured rate; `2–7 min` for an estimate. */
export function epochText(seconds: number, rate: EpochRate): string {
  return rate.spread ? formatRange(seconds / rate.spread, seconds * rate.spread) : formatSeconds(seconds);
}

export function codeLenses(doc: TextDocument, analysis: SpecAnalysis, rate: EpochRate | undefined): CodeLens[] {
  const tree = parseTree(doc.getText());
  const modelNode = tree && findNodeAtLocation(tree, ['model']);
  const key = modelNode?.parent?.children?.[0];
  if (!key) return [];
  const range = rangeOf(doc, key.offset, key.length);
  const lenses: CodeLens[] = [];
  const model = analysis.model;
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error').length;
  if (model?.complete) {
    const total = model.trainable + model.nonTrainable;
    lenses.push({range, command: {title: `${count(total)} parameters (${count(model.trainable)} trainable) · ${formatBytes(total * 4)} of weights · ${formatFlops(model.flops)} per sample`, command: ''}});
    const seconds = epochEstimate(analysis, rate);
    if (seconds !== undefined && rate) {
      lenses.push({range, command: {title: `≈ ${epochText(seconds, rate)} per epoch of ${count(analysis.epochSamples!)} samples (${rate.detail})`, command: ''}});
    }
  } else if (errors) {
    lenses.push({range, command: {title: `${errors} error${errors > 1 ? 's' : ''}: shapes unknown until fixed`, command: 'workbench.actions.view.problems'}});
  }
  lenses.push({range, command: {title: '$(play) Train', command: 'kerasWorkbench.trainModel', arguments: [doc.uri]}});
  if (analysis.savePath && fs.existsSync(analysis.savePath)) {
    lenses.push({range, command: {title: 'Open Inspector', command: 'kerasWorkbench.openInspector', arguments: [pathToFileURL(analysis.savePath).href]}});
  }
  return lenses;
}

// ---------------------------------------------------------------- completion

function layerTypeAt(tree: Node | undefined, index: number): string | undefined {
  const node = tree && findNodeAtLocation(tree, ['model', 'layers', index, 'type']);
  return typeof node?.value === 'string' ? node.value : undefined;
}

function placeholder(arg: ArgInfo): string {
  if (arg.default !== undefined && arg.default !== null) return JSON.stringify(arg.default).replace(/,/g, ', ');
  switch (arg.kind) {
    case 'int': return '1';
    case 'number': return '0.5';
    case 'intOrTuple': return arg.rank === 1 ? '3' : `[${new Array(arg.rank).fill(3).join(', ')}]`;
    case 'shape': return '[28, 28, 1]';
    case 'bool': return 'true';
    default: return arg.values?.[0] !== undefined ? JSON.stringify(arg.values[0]) : '""';
  }
}

export function completion(doc: TextDocument, offset: number, options: {skipSchema?: boolean} = {}): CompletionItem[] {
  const text = doc.getText();
  const location = getLocation(text, offset);
  const tree = parseTree(text);
  const path = location.path;
  const previous = location.previousNode;
  // Replace the string being typed (quotes included), else insert at the cursor.
  const replacing = previous && (previous.type === 'string' || previous.type === 'property') && offset >= previous.offset && offset <= previous.offset + previous.length
    ? rangeOf(doc, previous.offset, previous.length) : rangeOf(doc, offset, 0);
  const valueItems = (values: readonly unknown[], kind: CompletionItemKind, doc_?: (v: unknown) => string | undefined): CompletionItem[] =>
    values.map((v, i) => ({label: String(v), kind, sortText: String(i).padStart(3, '0'), documentation: doc_?.(v),
      textEdit: TextEdit.replace(replacing, JSON.stringify(v)), filterText: JSON.stringify(v)}));
  const index = layerIndexOf(path);
  if (index !== undefined && path.length === 4) {
    const type = layerTypeAt(tree, index);
    if (location.isAtPropertyKey) {
      const layerNode = tree && findNodeAtLocation(tree, ['model', 'layers', index]);
      const present = new Set((layerNode?.children ?? []).map((p) => p.children?.[0]?.value));
      const args = type && layerInfo(type) ? layerArgs(type) : COMMON_ARGS;
      return Object.entries(args).filter(([name]) => !present.has(name) || (previous && previous.value === name)).map(([name, arg], i) => ({
        label: name, kind: CompletionItemKind.Property, sortText: `${arg.required ? 0 : name in COMMON_ARGS ? 2 : 1}${String(i).padStart(3, '0')}`,
        detail: `${arg.kind}${arg.required ? ', required' : arg.default !== undefined ? ` = ${JSON.stringify(arg.default)}` : ''}`,
        documentation: {kind: MarkupKind.Markdown, value: arg.description},
        insertTextFormat: InsertTextFormat.Snippet,
        textEdit: TextEdit.replace(replacing, `"${name}": \${1:${placeholder(arg).replace(/[$}]/g, '\\$&')}}`),
        filterText: `"${name}"`,
      }));
    }
    const argName = path[3] as string;
    if (argName === 'type') {
      return valueItems(Object.keys(LAYER_CATALOG), CompletionItemKind.Class, (v) => LAYER_CATALOG[v as string].description);
    }
    const arg = type ? layerArgs(type)[argName] : undefined;
    if (arg?.values) return valueItems(arg.values, CompletionItemKind.EnumMember);
    if (arg?.kind === 'bool') return valueItems([true, false], CompletionItemKind.Value);
    return [];
  }
  if (options.skipSchema) return [];
  const schema = schemaAt(location.isAtPropertyKey ? path.slice(0, -1) : path);
  if (!schema) return [];
  if (location.isAtPropertyKey) {
    return Object.entries(schemaProperties(schema)).map(([name, s]) => ({
      label: name, kind: CompletionItemKind.Property, documentation: s.description,
      textEdit: TextEdit.replace(replacing, `"${name}": `), filterText: `"${name}"`,
    }));
  }
  return valueItems(schemaEnum(schema), CompletionItemKind.EnumMember);
}

export function rateDetail(rate: TrainingRate): string {
  return `measured ${rate.samplesPerSecond.toFixed(0)} samples/s on ${rate.backend}`;
}

/**
 * The training-spec language server (`*.train.json`) over one LSP connection. Each edit runs
 * the engine's spec analysis (arithmetic and file headers only, no TensorFlow.js) and publishes
 * its diagnostics; hover, inlay hints, code lenses, completion and quick fixes read the same
 * analysis.
 */
import * as os from 'os';
import * as path from 'path';
import {fileURLToPath} from 'url';
import {CodeActionKind, Connection, InitializeResult, TextDocuments, TextDocumentSyncKind} from 'vscode-languageserver/node';
import {TextDocument} from 'vscode-languageserver-textdocument';
import {analyzeSpecText, SpecAnalysis} from '../engine/analysis/spec-analysis';
import {formatShape} from '../keras/analysis/catalog';
import * as protocol from '../protocol/language-server';
import {ESTIMATE_SPREAD, estimatedTrainingFlopsPerSecond} from './calibration';
import * as features from './features';
import {readRegularFile} from '../common/regular-file';

/** Serves one client over `connection` until it exits. */
export function runServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const analyses = new Map<string, {version: number; analysis: SpecAnalysis}>();
  let workspaceFolders: string[] = [];
  let options: protocol.LanguageServerOptions = {};
  let trainingRate: protocol.TrainingRate | undefined;

  function fsPath(uri: string): string {
    return uri.startsWith('file:') ? fileURLToPath(uri) : uri;
  }

  /** The workspace folder holding the spec (relative paths resolve against it), else its own folder. */
  function rootOf(file: string): string {
    const holding = workspaceFolders.filter((f) => !path.relative(f, file).startsWith('..')).sort((a, b) => b.length - a.length);
    return holding[0] ?? path.dirname(file);
  }

  function analysisOf(doc: TextDocument): SpecAnalysis {
    const cached = analyses.get(doc.uri);
    if (cached && cached.version === doc.version) return cached.analysis;
    const file = fsPath(doc.uri);
    const analysis = analyzeSpecText(doc.getText(), file, {workspaceRoot: rootOf(file)});
    analyses.set(doc.uri, {version: doc.version, analysis});
    return analysis;
  }

  function publish(doc: TextDocument): void {
    const analysis = analysisOf(doc);
    void connection.sendDiagnostics({uri: doc.uri, version: doc.version,
      diagnostics: features.diagnostics(doc, analysis, {skipSchema: options.jsonSchemaHandledByClient})});
  }

  function currentRate(): features.EpochRate {
    if (trainingRate) return {flopsPerSecond: trainingRate.flopsPerSecond, source: 'measured', detail: features.rateDetail(trainingRate)};
    const cores = os.availableParallelism();
    return {flopsPerSecond: estimatedTrainingFlopsPerSecond(cores), source: 'calibration', spread: ESTIMATE_SPREAD,
      detail: `rough: estimated for ${cores} core${cores === 1 ? '' : 's'}; train once for a measured rate`};
  }

  connection.onInitialize((params): InitializeResult => {
    workspaceFolders = (params.workspaceFolders ?? []).map((f) => fsPath(f.uri));
    if (!workspaceFolders.length && params.rootUri) workspaceFolders = [fsPath(params.rootUri)];
    options = (params.initializationOptions ?? {}) as typeof options;
    trainingRate = options.trainingRate;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: {triggerCharacters: ['"', ':', ' ']},
        codeActionProvider: {codeActionKinds: [CodeActionKind.QuickFix]},
        codeLensProvider: {resolveProvider: false},
        inlayHintProvider: true,
      },
      serverInfo: {name: 'keras-workbench-language-server'},
    };
  });

  // Fires on open too.
  documents.onDidChangeContent((e) => publish(e.document));
  documents.onDidClose((e) => {
    analyses.delete(e.document.uri);
    void connection.sendDiagnostics({uri: e.document.uri, diagnostics: []});
  });

  const withDocument = <T>(uri: string, fallback: T, fn: (doc: TextDocument) => T): T => {
    const doc = documents.get(uri);
    return doc ? fn(doc) : fallback;
  };

  connection.onHover(({textDocument, position}) => withDocument(textDocument.uri, null, (doc) =>
    features.hover(doc, analysisOf(doc), doc.offsetAt(position))));
  connection.onCompletion(({textDocument, position}) => withDocument(textDocument.uri, [], (doc) =>
    features.completion(doc, doc.offsetAt(position), {skipSchema: options.jsonSchemaHandledByClient})));
  connection.onCodeAction(({textDocument, context}) => features.quickFixes(textDocument.uri, context.diagnostics));
  connection.onCodeLens(({textDocument}) => withDocument(textDocument.uri, [], (doc) =>
    features.codeLenses(doc, analysisOf(doc), currentRate())));
  connection.languages.inlayHint.on(({textDocument, range}) => withDocument(textDocument.uri, [], (doc) =>
    features.inlayHints(doc, analysisOf(doc), range)));

  connection.onRequest(protocol.layerShapes, ({uri}) => withDocument(uri, {layers: []} as protocol.LayerShapesResult, (doc) => {
    const analysis = analysisOf(doc);
    const rate = currentRate();
    const model = analysis.model;
    return {
      layers: analysis.layers.map((l) => ({
        index: l.index, type: l.type, name: l.name, outputShape: l.output && formatShape(l.output),
        trainableParams: l.trainable, nonTrainableParams: l.nonTrainable, flops: l.flops,
      })),
      totalParams: model?.complete ? model.trainable + model.nonTrainable : undefined,
      epochSeconds: features.epochEstimate(analysis, rate),
      rateSource: rate.source,
    };
  }));

  connection.onRequest(protocol.reportTrainingRate, ({specPath, samplesPerSecond, backend}) => {
    const doc = documents.all().find((d) => fsPath(d.uri) === specPath);
    let analysis: SpecAnalysis | undefined = doc && analysisOf(doc);
    if (!analysis) {
      try {
        analysis = analyzeSpecText(readRegularFile(specPath, 'utf8'), specPath, {workspaceRoot: rootOf(specPath)});
      } catch {
        return null;
      }
    }
    const flops = analysis.model?.complete ? analysis.model.flops : 0;
    if (!flops || !(samplesPerSecond > 0)) return null;
    trainingRate = {flopsPerSecond: samplesPerSecond * flops * features.TRAINING_FLOPS_FACTOR, samplesPerSecond, specPath, backend, measuredAt: new Date().toISOString()};
    void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    return trainingRate;
  });

  documents.listen(connection);
  connection.listen();
}

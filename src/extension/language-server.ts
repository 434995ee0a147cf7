/**
 * Starts the training-spec language server the first time a `*.train.json` is open (not at
 * activation), and hands it the last measured training rate, which it keeps in global state.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import type {SpecLanguageClient} from './language-client';
import type {TrainingRate} from '../protocol/language-server';
import {isTrainSpec} from './format';
import {errorLine} from '../common/errors';

const RATE_KEY = 'kerasWorkbench.trainingRate';

export class LanguageServerLauncher implements vscode.Disposable {
  private client?: Promise<SpecLanguageClient | undefined>;
  private readonly disposables: vscode.Disposable[] = [];
  private channel?: vscode.LogOutputChannel;

  constructor(private readonly extension: vscode.ExtensionContext, private readonly log: vscode.LogOutputChannel) {}

  /** Watches for specs being opened; starts nothing yet. */
  register(): void {
    const maybeStart = (doc: vscode.TextDocument) => {
      if (doc.uri.scheme === 'file' && isTrainSpec(doc.uri.fsPath)) void this.start();
    };
    this.disposables.push(vscode.workspace.onDidOpenTextDocument(maybeStart));
    vscode.workspace.textDocuments.forEach(maybeStart);
  }

  start(): Promise<SpecLanguageClient | undefined> {
    this.client ??= (async () => {
      const started = performance.now();
      try {
        // A separate bundle: vscode-languageclient is only loaded once a spec is open.
        const {startLanguageClient} = require(path.join(this.extension.extensionPath, 'dist', 'language-client.js')) as typeof import('./language-client');
        this.channel ??= vscode.window.createOutputChannel('Keras Workbench Language Server', {log: true});
        const client = await startLanguageClient(path.join(this.extension.extensionPath, 'dist', 'language-server.js'), this.channel, {
          trainingRate: this.extension.globalState.get<TrainingRate>(RATE_KEY),
          jsonSchemaHandledByClient: true,
        });
        this.log.info(`Language server started in ${(performance.now() - started).toFixed(0)} ms`);
        return client;
      } catch (e) {
        this.log.error(`The training-spec language server did not start: ${errorLine(e)}`);
        this.client = undefined;
        return undefined;
      }
    })();
    return this.client;
  }

  async restart(): Promise<void> {
    const current = this.client;
    this.client = undefined;
    await (await current)?.stop();
    await this.start();
  }

  /** After a training run: the server turns it into a rate for epoch estimates; kept for the next session. */
  async reportTrainingRate(specPath: string, samplesPerSecond: number, backend: string): Promise<void> {
    const client = await this.client;
    if (!client) return;
    try {
      const rate = await client.reportTrainingRate({specPath, samplesPerSecond, backend});
      if (rate) await this.extension.globalState.update(RATE_KEY, rate);
    } catch (e) {
      this.log.warn(`Could not pass the training rate to the language server: ${errorLine(e)}`);
    }
  }

  async dispose(): Promise<void> {
    this.disposables.forEach((d) => d.dispose());
    const client = this.client;
    this.client = undefined;
    await (await client)?.stop();
    this.channel?.dispose();
  }
}

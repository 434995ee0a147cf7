/**
 * The language client of the training-spec language server, bundled on its own
 * (dist/language-client.js) so that activation never loads vscode-languageclient: the launcher
 * in language-server.ts requires this file when the first `*.train.json` opens. Set up like
 * rust-analyzer's client: one server module over node IPC, its own log channel, a middleware
 * that turns the server's plain command arguments into what our commands take.
 */
import * as vscode from 'vscode';
import {LanguageClient, LanguageClientOptions, ServerOptions, TransportKind} from 'vscode-languageclient/node';
import {LanguageServerOptions, reportTrainingRate, ReportTrainingRateParams, TrainingRate} from '../protocol/language-server';

/**
 * A small young generation: the analysis allocates short-lived objects on every edit, and V8's
 * default semi-spaces (up to 16 MB each) would hold ~25 MB more resident memory for nothing.
 * scripts/bench-language-server.mjs starts the server with the same flags.
 */
export const LANGUAGE_SERVER_NODE_FLAGS = ['--max-semi-space-size=1'];

export interface SpecLanguageClient {
  reportTrainingRate(params: ReportTrainingRateParams): Promise<TrainingRate | null>;
  stop(): Promise<void>;
}

export async function startLanguageClient(serverModule: string, outputChannel: vscode.LogOutputChannel,
  initializationOptions: LanguageServerOptions): Promise<SpecLanguageClient> {
  const serverOptions: ServerOptions = {
    run: {module: serverModule, transport: TransportKind.ipc, options: {execArgv: LANGUAGE_SERVER_NODE_FLAGS}},
    debug: {module: serverModule, transport: TransportKind.ipc, options: {execArgv: [...LANGUAGE_SERVER_NODE_FLAGS, '--nolazy', '--inspect=6019']}},
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{scheme: 'file', pattern: '**/*.train.json'}],
    outputChannel,
    initializationOptions,
    middleware: {
      // Code lens arguments travel as URI strings; the commands take vscode.Uri.
      provideCodeLenses: async (document, token, next) => {
        const lenses = await next(document, token);
        for (const lens of lenses ?? []) {
          if (lens.command?.arguments) {
            lens.command.arguments = lens.command.arguments.map((a) => (typeof a === 'string' && a.startsWith('file:') ? vscode.Uri.parse(a) : a));
          }
        }
        return lenses;
      },
    },
  };
  const client = new LanguageClient('kerasWorkbench.languageServer', 'Keras Workbench Language Server', serverOptions, clientOptions);
  await client.start();
  return {
    reportTrainingRate: (params) => client.sendRequest(reportTrainingRate, params),
    stop: () => client.stop(),
  };
}

/**
 * Entry of the language server process: started by the extension's language client over node
 * IPC, or by any LSP client with `--stdio`.
 */
import {createConnection, ProposedFeatures} from 'vscode-languageserver/node';
import {runServer} from './server';

runServer(createConnection(ProposedFeatures.all));

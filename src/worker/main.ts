/**
 * The worker process: forked by the extension host, it owns TensorFlow.js and every model, and
 * answers the requests of `src/protocol/messages.ts` over the IPC channel (vscode-jsonrpc).
 * Keeping tfjs here means a crash, an out-of-memory or a kill never takes the editor down.
 */
import {createMessageConnection, IPCMessageReader, IPCMessageWriter} from 'vscode-jsonrpc/node';
import {ModelStore} from './model-store';
import {HandlerSet} from './handler-set';
import {registerCoreHandlers} from './core-handlers';
import {registerTrainingHandlers} from './training-handlers';
import {registerInspectorHandlers} from './inspector-handlers';
import {log} from '../protocol/messages';
import {setDebugLog} from '../common/diagnostics';
import {errorLine} from '../common/errors';
import {registerExportHandlers} from './export-handlers';
import {registerExplainHandlers} from './explain-handlers';

if (!process.send) {
  console.error('keras-workbench worker: start me with child_process.fork (I talk over the IPC channel).');
  process.exit(2);
}

const connection = createMessageConnection(new IPCMessageReader(process), new IPCMessageWriter(process));
// Library diagnostics (HDF5 dumps, stacks) go to the extension's log channel at debug level.
setDebugLog((text) => void connection.sendNotification(log, {level: 'debug', message: text}));
// Nothing ends this process with a stack trace on stderr: the extension's log gets one line
// (and the stack at debug level); the extension reports the worker's exit.
const fatal = (kind: string) => (error: unknown) => {
  const e = error instanceof Error ? error : new Error(String(error));
  void connection.sendNotification(log, {level: 'debug', message: e.stack ?? e.message});
  void connection.sendNotification(log, {level: 'error', message: `worker: ${kind}: ${errorLine(e)}`});
  process.stderr.write(`keras-workbench worker: ${kind}: ${errorLine(e)}\n`);
  setTimeout(() => process.exit(1), 100);
};
process.on('uncaughtException', fatal('unexpected error'));
process.on('unhandledRejection', fatal('unhandled rejection'));
const models = new ModelStore();

// Request handler groups: core (backend, specs, loading, saving), training, the inspector's, export-keras, explanations.
const handlerSets: HandlerSet[] = [registerCoreHandlers, registerTrainingHandlers, registerInspectorHandlers, registerExportHandlers, registerExplainHandlers];
for (const register of handlerSets) register(connection, models);

connection.listen();
// The extension host went away (window closed, extension disabled, host crashed): stop too.
process.on('disconnect', () => process.exit(0));

/** The worker's `export-keras` request: building the spec's model needs TensorFlow.js, so it runs here. */
import * as path from 'path';
import {MessageConnection} from 'vscode-jsonrpc';
import {readTrainSpec} from '../engine/spec/spec';
import {defaultScriptPath, generateKerasScript, scriptTargetProblem} from '../engine/export/keras-script';
import * as msg from '../protocol/messages';
import {HandlerSet, handle} from './handler-set';
import {ensureBackend} from './core-handlers';
import {WorkbenchError} from '../common/errors';

export const registerExportHandlers: HandlerSet = (connection: MessageConnection) => {
  handle(connection, msg.exportKerasScript, async ({specPath, workspaceRoot, distributed}) => {
    await ensureBackend();
    const spec = readTrainSpec(specPath);
    const scriptPath = defaultScriptPath(specPath);
    const problem = scriptTargetProblem(scriptPath, workspaceRoot);
    if (problem) throw new WorkbenchError('save', scriptPath, problem);
    const script = await generateKerasScript(spec, specPath, {
      distributed, specLabel: path.relative(workspaceRoot, specPath), scriptName: path.basename(scriptPath), workspaceRoot,
    });
    return {script, scriptPath};
  });
};

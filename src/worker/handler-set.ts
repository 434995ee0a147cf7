/**
 * How groups of request handlers plug into the worker: each group is a function of the
 * connection and the model store (core handlers here; the inspector adds its own).
 */
import {MessageConnection, RequestType, ResponseError} from 'vscode-jsonrpc';
import type {ModelStore} from './model-store';
import {debugLog} from '../common/diagnostics';
import {WorkbenchError, errorLine} from '../common/errors';
import {SpecCheckError} from '../engine/analysis/spec-analysis';
import type {EngineErrorData} from '../protocol/messages';

/** What the extension may decide on: the kind, file and field of the tool's own errors, a spec refusal's position. */
function errorData(error: Error): EngineErrorData {
  if (!(error instanceof WorkbenchError)) return {};
  const at = error instanceof SpecCheckError ? {line: error.line, column: error.column} : {};
  return {kind: error.kind, file: error.file, field: error.field, problem: error.problem, ...at};
}

export type HandlerSet = (connection: MessageConnection, models: ModelStore) => void;

/** Error code of failures raised by the engine; the message is what the user reads. */
export const ENGINE_ERROR = 1;

/**
 * Registers a request handler whose errors reach the extension with their own message (not
 * wrapped in "Request ... failed with message"), and their stack as data for the log.
 */
export function handle<P, R>(connection: MessageConnection, type: RequestType<P, R, void>,
  fn: (params: P) => Promise<R>): void {
  const handler = async (params: P): Promise<R | ResponseError<EngineErrorData>> => {
    try {
      return await fn(params);
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      debugLog(err.stack ?? err.message);
      // One line for the user; the whole of it went to the debug log.
      return new ResponseError<EngineErrorData>(ENGINE_ERROR, errorLine(err), {stack: err.stack, ...errorData(err)});
    }
  };
  // The typed overloads cannot see through the generic P; the handler's shape is checked above.
  connection.onRequest(type, handler as never);
}

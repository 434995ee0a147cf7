/**
 * The extension host's side of the worker process: forks the bundled `dist/worker.js`, talks
 * vscode-jsonrpc over the IPC channel, and survives the worker's death: a pending request fails
 * with the last log lines, and the next request starts a fresh worker.
 */
import {ChildProcess, fork} from 'child_process';
import * as readline from 'readline';
import * as vscode from 'vscode';
import {
  createMessageConnection, IPCMessageReader, IPCMessageWriter, MessageConnection, RequestType, ResponseError,
} from 'vscode-jsonrpc/node';
import * as msg from '../protocol/messages';
import type {BackendPreference} from './config';
import {oneLine} from '../common/errors';

export interface WorkerOptions {
  workerPath: string;
  log: vscode.LogOutputChannel;
  backend: () => BackendPreference;
  memoryLimitMB: () => number;
  /** Extra module folder searched by the worker (the native backend installed into global storage). */
  nativeModulesDir: string;
}

/** The worker process stopped while a request was waiting for it. */
export class WorkerDiedError extends Error {
  constructor(readonly code: number | null, readonly signal: NodeJS.Signals | null, readonly lastLines: string[]) {
    const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
    const tail = lastLines.length ? ` Last log lines: ${lastLines.map(oneLine).join(' | ')}` : '';
    super(`The Keras Workbench worker process ${how}.${tail}`);
    this.name = 'WorkerDiedError';
  }
}

interface RunningWorker {
  process: ChildProcess;
  connection: MessageConnection;
  /** Rejects with WorkerDiedError when the process exits; never resolves. */
  died: Promise<never>;
  backend: Promise<msg.BackendInfo>;
  exited: boolean;
  deathError?: WorkerDiedError;
}

const KEPT_LINES = 50;
const SHOWN_LINES = 8;

export class WorkerClient implements vscode.Disposable {
  private worker?: RunningWorker;
  private inFlight = 0;
  private restartWhenIdle = false;
  private readonly recentLines: string[] = [];
  private readonly progress = new vscode.EventEmitter<msg.TrainProgress>();
  private readonly exits = new vscode.EventEmitter<void>();
  private readonly evaluation = new vscode.EventEmitter<{modelId: string; done: number; total: number}>();
  private readonly watched = new vscode.EventEmitter<msg.TrainActivations>();

  /** Fires for every training progress notification of the worker. */
  readonly onTrainProgress = (listener: (p: msg.TrainProgress) => void): vscode.Disposable => this.progress.event(listener);
  /** Progress of whole-test-set evaluations (the inspector's confusion matrix). */
  readonly onEvaluateProgress = (listener: (p: {modelId: string; done: number; total: number}) => void): vscode.Disposable =>
    this.evaluation.event(listener);
  /** A training run's watched sample, at every epoch end. */
  readonly onTrainActivations = (listener: (a: msg.TrainActivations) => void): vscode.Disposable => this.watched.event(listener);
  /** Fires when a worker process is gone (stopped or died): the models it held are gone too. */
  readonly onExit = this.exits.event;

  constructor(private readonly options: WorkerOptions) {}

  get pid(): number | undefined {
    return this.worker && !this.worker.exited ? this.worker.process.pid : undefined;
  }

  /** The backend of the running worker (starting it if needed). */
  async backend(): Promise<msg.BackendInfo> {
    return this.track(async () => {
      const worker = this.start();
      return Promise.race([worker.backend, worker.died]);
    });
  }

  async sendRequest<P, R>(type: RequestType<P, R, void>, params: P): Promise<R> {
    return this.track(async () => {
      const worker = this.start();
      try {
        await Promise.race([worker.backend, worker.died]);
        return await Promise.race([worker.connection.sendRequest<P, R, void>(type, params as never), worker.died]);
      } catch (e) {
        // The IPC channel closes a moment before the process reports its exit: when the connection
        // failed, wait for the exit so the user reads why the worker died, not "connection disposed".
        if (!(e instanceof ResponseError) && !worker.exited) {
          await Promise.race([worker.died.catch(() => undefined), new Promise((r) => setTimeout(r, 3000))]);
        }
        throw worker.deathError ?? toError(e);
      }
    });
  }

  /** Applies changed worker settings: now when idle, else when the current requests finish. */
  restartSoon(): void {
    if (this.inFlight === 0) void this.stop();
    else this.restartWhenIdle = true;
  }

  /** Stops the worker; the next request starts a new one. Resolves when it has exited. */
  stop(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (!worker || worker.exited) return Promise.resolve();
    return new Promise((resolve) => {
      const killer = setTimeout(() => worker.process.kill('SIGKILL'), 2000);
      worker.process.once('exit', () => { clearTimeout(killer); resolve(); });
      worker.connection.dispose();
      worker.process.kill('SIGTERM');
    });
  }

  dispose(): Promise<void> {
    const stopped = this.stop();
    this.progress.dispose();
    this.exits.dispose();
    this.evaluation.dispose();
    this.watched.dispose();
    return stopped;
  }

  private async track<T>(fn: () => Promise<T>): Promise<T> {
    this.inFlight++;
    try {
      return await fn();
    } finally {
      this.inFlight--;
      if (this.inFlight === 0 && this.restartWhenIdle) {
        this.restartWhenIdle = false;
        void this.stop();
      }
    }
  }

  private start(): RunningWorker {
    if (this.worker && !this.worker.exited) return this.worker;
    const {workerPath, log} = this.options;
    this.recentLines.length = 0;
    const child = fork(workerPath, [], {
      // stdout/stderr are piped so that tfjs's own console output reaches the log and the error report.
      silent: true,
      execArgv: [`--max-old-space-size=${this.options.memoryLimitMB()}`],
      env: {...process.env, NODE_PATH: this.options.nativeModulesDir, ELECTRON_RUN_AS_NODE: '1'},
    });
    log.info(`Worker started (pid ${child.pid})`);
    for (const stream of [child.stdout, child.stderr]) {
      if (stream) readline.createInterface({input: stream}).on('line', (line) => this.record(line));
    }
    const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    connection.onNotification(msg.log, ({level, message}) => this.record(message, level));
    connection.onNotification(msg.trainProgress, (p) => this.progress.fire(p));
    connection.onNotification(msg.evaluateProgress, (p) => this.evaluation.fire(p));
    connection.onNotification(msg.trainActivations, (a) => this.watched.fire(a));
    connection.listen();

    const worker: RunningWorker = {process: child, connection, exited: false} as RunningWorker;
    worker.died = new Promise<never>((_, reject) => {
      const onGone = (code: number | null, signal: NodeJS.Signals | null) => {
        if (worker.exited) return;
        worker.exited = true;
        connection.dispose();
        if (this.worker === worker) this.worker = undefined;
        log.warn(`Worker (pid ${child.pid}) stopped: ${signal ?? `exit code ${code}`}`);
        this.exits.fire();
        worker.deathError = new WorkerDiedError(code, signal, this.recentLines.slice(-SHOWN_LINES));
        reject(worker.deathError);
      };
      child.on('exit', onGone);
      child.on('error', (e) => { this.record(`worker process error: ${e.message}`, 'error'); onGone(null, null); });
    });
    worker.died.catch(() => { /* observed by requests; a death while idle is only logged */ });
    worker.backend = connection.sendRequest(msg.initialize, {backendPreference: this.options.backend(),
      workspaceRoots: (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath)});
    worker.backend.catch(() => { /* observed by requests, which report it */ });
    this.worker = worker;
    return worker;
  }

  private record(line: string, level: msg.LogParams['level'] = 'info'): void {
    this.recentLines.push(line);
    if (this.recentLines.length > KEPT_LINES) this.recentLines.splice(0, this.recentLines.length - KEPT_LINES);
    const {log} = this.options;
    if (level === 'error') log.error(line);
    else if (level === 'warn') log.warn(line);
    else if (level === 'debug') log.debug(line);
    else log.info(line);
  }
}

/** A request the worker refused or failed: the engine's one-line message, and what it is about. */
export class WorkerRequestError extends Error {
  constructor(message: string, readonly data: msg.EngineErrorData) {
    super(message);
    this.name = 'WorkerRequestError';
  }
}

/** Errors from the worker arrive as ResponseError; give them back with the engine's message and data. */
function toError(e: unknown): Error {
  if (e instanceof WorkerDiedError) return e;
  if (e instanceof ResponseError) return new WorkerRequestError(e.message, (e.data ?? {}) as msg.EngineErrorData);
  return e instanceof Error ? e : new Error(String(e));
}

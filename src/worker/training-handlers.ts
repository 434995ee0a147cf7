/**
 * Training in the worker: `train` runs a spec through the engine's trainer, `cancelTraining`
 * stops it after the current batch, and `watchTrainingSample` changes the test sample whose
 * activations are sent at every epoch end (`trainActivations`). One run at a time.
 */
import type {MessageConnection} from 'vscode-jsonrpc';
import {readTrainSpec} from '../engine/spec/spec';
import {trainFromSpec} from '../engine/training/trainer';
import {ActivationWatch} from '../engine/training/watch';
import {loadCustomObjectsModule} from '../keras/custom-objects';
import * as msg from '../protocol/messages';
import {backendChoice, ensureBackend} from './core-handlers';
import {HandlerSet, handle} from './handler-set';

export interface TrainingRun {
  abort: AbortController;
  watch: ActivationWatch;
}

/** The training run in progress in this worker, by run id: how to cancel it, and the sample it watches. */
export class TrainingRuns {
  private readonly runs = new Map<string, TrainingRun>();

  constructor(private readonly connection: MessageConnection) {}

  /** Registers a run; its watched sample's activations and warnings go to the connection. */
  begin(runId: string, watchSample?: number): TrainingRun {
    if (this.runs.size > 0) throw new Error('A training run is already in progress in this worker.');
    const run: TrainingRun = {
      abort: new AbortController(),
      watch: new ActivationWatch({
        runId, sample: watchSample,
        onActivations: (activations) => void this.connection.sendNotification(msg.trainActivations, activations),
        onWarning: (line) => void this.connection.sendNotification(msg.log, {level: 'warn', message: `Warning: ${line}`}),
      }),
    };
    this.runs.set(runId, run);
    return run;
  }

  end(runId: string): void {
    this.runs.get(runId)?.watch.close(`runId: the training run ${runId} ended before its data loaded`);
    this.runs.delete(runId);
  }

  get(runId: string): TrainingRun | undefined {
    return this.runs.get(runId);
  }
}

/** The training requests over `runs` (tests give their own, to drive a run's epoch ends). */
export function handleTrainingRequests(connection: MessageConnection, runs: TrainingRuns): void {
  const logLine = (message: string) => void connection.sendNotification(msg.log, {level: 'info', message});

  handle(connection, msg.train, async (params) => {
    // Registered before anything is awaited: the panel's requests about the run may follow at once.
    const run = runs.begin(params.runId, params.watchSample);
    try {
      await ensureBackend();
      const spec = readTrainSpec(params.specPath);
      return await trainFromSpec(spec, params.specPath, {
        workspaceRoot: params.workspaceRoot,
        runId: params.runId,
        epochs: params.epochs,
        limit: params.limit,
        resume: params.resume,
        overwrite: params.overwrite,
        backend: backendChoice(),
        customObjects: params.customObjectsModule ? loadCustomObjectsModule(params.customObjectsModule) : undefined,
        workspaceTrusted: params.workspaceTrusted,
        runsFolder: params.runsFolder,
        signal: run.abort.signal,
        watch: run.watch,
        onProgress: (p) => void connection.sendNotification(msg.trainProgress, {...p, runId: params.runId}),
        onLog: (line) => logLine(line),
      });
    } finally {
      runs.end(params.runId);
    }
  });

  handle(connection, msg.cancelTraining, async ({runId}) => {
    const run = runs.get(runId);
    if (!run) return false;
    run.abort.abort();
    logLine('Cancel requested: training stops after the current batch.');
    return true;
  });

  handle(connection, msg.watchTrainingSample, async ({runId, sample}) => {
    const run = runs.get(runId);
    if (!run) throw new Error(`runId: no training run ${runId} is in progress in this worker (it ended, or the worker restarted)`);
    return run.watch.setSample(sample);
  });
}

export const registerTrainingHandlers: HandlerSet = (connection) => handleTrainingRequests(connection, new TrainingRuns(connection));

/** Every command of package.json's `contributes.commands`, as a factory over the shared context. */
import * as vscode from 'vscode';
import type {Ctx} from '../context';
import {installNativeBackend} from '../native-backend';
import {loadModel, openInspectorCommand, saveModelAs} from './models';
import {newTrainingSpec} from './spec';
import {exportTrainingScript} from './export';
import {cancelTraining, trainModel} from './train';
import {compareRuns, deleteRunRecords, openRunModel, openRunSpec, resumeRun, revealRun, trainRunAgain} from './runs';

type Command = (...args: any[]) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any

export const COMMANDS: Record<string, (ctx: Ctx) => Command> = {
  'kerasWorkbench.trainModel': trainModel,
  'kerasWorkbench.cancelTraining': cancelTraining,
  'kerasWorkbench.loadModel': loadModel,
  'kerasWorkbench.openInspector': openInspectorCommand,
  'kerasWorkbench.saveModelAs': saveModelAs,
  'kerasWorkbench.newTrainingSpec': newTrainingSpec,
  'kerasWorkbench.exportTrainingScript': exportTrainingScript,
  'kerasWorkbench.installNativeBackend': installNativeBackend,
  'kerasWorkbench.restartWorker': (ctx) => async () => {
    await ctx.client.stop();
    const info = await ctx.client.backend();
    void vscode.window.showInformationMessage(`Keras Workbench worker restarted on ${info.description}.`);
    return info;
  },
  'kerasWorkbench.showLog': (ctx) => () => ctx.log.show(),
  'kerasWorkbench.runs.refresh': (ctx) => () => ctx.runs.refresh(),
  'kerasWorkbench.runs.compare': compareRuns,
  'kerasWorkbench.runs.openModel': openRunModel,
  'kerasWorkbench.runs.openSpec': openRunSpec,
  'kerasWorkbench.runs.trainAgain': trainRunAgain,
  'kerasWorkbench.runs.resume': resumeRun,
  'kerasWorkbench.runs.reveal': revealRun,
  'kerasWorkbench.runs.delete': deleteRunRecords,
  'kerasWorkbench.restartLanguageServer': (ctx) => () => ctx.languageServer.restart(),
};

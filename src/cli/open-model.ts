/** Opening a saved model for summary, predict and evaluate, with the options they share. */
import {initBackend, type BackendPreference} from '../engine/backend';
import {openModel} from '../engine/models';
import {readTrainSpec} from '../engine/spec/spec';
import {ModelSession} from '../engine/session/session';
import {describeChoice} from '../engine/session/dataset-choice';

export interface OpenArguments {
  backend: BackendPreference;
  'custom-objects'?: string;
  'no-compile'?: boolean;
}

export async function open(values: OpenArguments, target: string) {
  await initBackend(values.backend);
  const opened = await openModel(target, {compile: !values['no-compile'], customObjectsModule: values['custom-objects'],
    workspaceRoots: [process.cwd()]});
  for (const warning of opened.handle.warnings ?? []) process.stderr.write(`Warning: ${warning}\n`);
  return opened;
}

/** A model session, with the dataset of --data when given (a model that records none, or another one). */
export async function openSession(values: OpenArguments & {data?: string}, target: string): Promise<ModelSession> {
  const session = new ModelSession(await open(values, target));
  const data = values.data;
  if (data === 'mnist') {
    const {inputShape, outputShape} = session.handle;
    session.useData(describeChoice({kind: 'mnist'}, inputShape, outputShape));
  } else if (data !== undefined) {
    const spec = readTrainSpec(data);
    session.useData({data: spec.data, preprocessing: spec.preprocessing, workspaceRoot: process.cwd()});
  }
  return session;
}

/** `keras-workbench evaluate MODEL`: the model's own loss and metrics on its test split (Keras evaluate). */
import {openSession, type OpenArguments} from './open-model';
import {ModelError} from '../common/errors';

export async function evaluate(target: string, values: OpenArguments & {limit?: number; data?: string}): Promise<number> {
  const session = await openSession(values, target);
  const {objective, unavailable} = session.objective();
  if (!objective) {
    throw new ModelError(session.handle.path, `the model has no training configuration (loss, metrics)${values['no-compile'] ? ' (loaded with --no-compile)' : ''}; like Keras, evaluate needs a compiled model`);
  }
  for (const m of unavailable) process.stderr.write(`note: metric '${m}' is not computed by this tool and is left out\n`);
  const set = session.requireTestSet();
  const limit = values.limit;
  const r = await session.evaluate(limit === undefined ? undefined : Math.min(limit, set.count));
  const lines = [`Test loss: ${r.loss!.toFixed(4)}`, ...Object.entries(r.metrics).map(([name, v]) => `Test ${name}: ${v.toFixed(4)}`)];
  process.stdout.write(`${lines.join('\n')} (${r.count} samples)\n`);
  return 0;
}

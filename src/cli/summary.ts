/** `keras-workbench summary MODEL`: model.summary() of a saved model, in Keras's table layout. */
import {formatSummary} from '../engine/summary';
import {open, type OpenArguments} from './open-model';

export async function summary(target: string, values: OpenArguments): Promise<number> {
  const opened = await open(values, target);
  process.stdout.write(`${formatSummary(opened.handle.summary)}\n`);
  return 0;
}

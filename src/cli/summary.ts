/** `keras-workbench summary MODEL`: model.summary() of a saved model, in Keras's table layout. */
import * as engine from '../engine';
import {open, type OpenArguments} from './open-model';

export async function summary(target: string, values: OpenArguments): Promise<number> {
  const opened = await open(values, target);
  process.stdout.write(`${engine.formatSummary(opened.handle.summary)}\n`);
  return 0;
}

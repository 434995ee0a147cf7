/**
 * Custom objects (Keras `custom_objects`): user layer classes registered with TensorFlow.js's
 * serialization map by their `className`, so that configs naming them deserialize.
 */
import * as path from 'path';
import * as tf from '@tensorflow/tfjs-core';
import {FormatError} from '../common/errors';
import {LayerArgumentError} from './layers/support';
import {unknownClassIn} from './tfjs-errors';

export type CustomObjects = Record<string, unknown>;
type SerializableClass = tf.serialization.SerializableConstructor<tf.serialization.Serializable> & {className?: string};

export function registerCustomObjects(objects: CustomObjects | undefined): string[] {
  const registered: string[] = [];
  for (const [name, value] of Object.entries(objects ?? {})) {
    if (typeof value !== 'function') continue;
    const cls = value as SerializableClass;
    if (!cls.className) {
      // Keras registers under the dict key; TensorFlow.js reads the static className.
      Object.defineProperty(cls, 'className', {value: name});
    }
    tf.serialization.registerClass(cls);
    registered.push(cls.className!);
  }
  return registered;
}

/** Loads a user module (CommonJS) whose exports are layer classes; runs user code: trusted workspaces only. */
export function loadCustomObjectsModule(modulePath: string): CustomObjects {
  const resolved = path.resolve(modulePath);
  let exports: unknown;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    exports = require(resolved);
  } catch (e) {
    throw new FormatError(resolved, `cannot load the custom objects module: ${(e as Error).message}`);
  }
  const objects = (exports && typeof exports === 'object' ? exports : {default: exports}) as CustomObjects;
  const classes = Object.fromEntries(Object.entries(objects).filter(([, v]) => typeof v === 'function'));
  if (Object.keys(classes).length === 0) {
    throw new FormatError(resolved, 'exports no classes; export layer classes (e.g. module.exports = {MyLayer})');
  }
  return classes;
}

/**
 * Turns TensorFlow.js's "Unknown layer: X" into an error that names the file and the fix.
 * TensorFlow.js calls every unknown class a layer: `optimizerClass` (the training config's) is
 * said to be an optimizer.
 */
export function explainUnknownClass(error: unknown, file: string, optimizerClass?: string): Error {
  // Our Keras layers name the layer and the argument they cannot honour.
  if (error instanceof LayerArgumentError) return new FormatError(file, error.message);
  const unknown = unknownClassIn(error);
  if (!unknown) return error instanceof Error ? error : new Error(String(error));
  const {kind, name} = unknown;
  if (optimizerClass !== undefined && name === optimizerClass) {
    return new FormatError(file, `optimizer '${name}' is not available in TensorFlow.js; load the model without its training configuration (Keras compile=False; command line: --no-compile)`);
  }
  return new FormatError(file,
    `unknown ${kind.toLowerCase()} class '${name}'. If it is a custom ${kind.toLowerCase()}, register it through ` +
    `custom_objects: a JavaScript module exporting a TensorFlow.js class with static className = '${name}' ` +
    `(command line: --custom-objects module.js; VS Code: the "kerasWorkbench.customObjectsModule" setting).`);
}

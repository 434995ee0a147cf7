/**
 * The training spec (`*.train.json`, JSON with comments): parsing, validation against the
 * shipped JSON Schema, and the checks a schema cannot express. Every error names the file
 * and the field, e.g. `mnist.train.json: fit.batch_size: must be >= 1`.
 */
import * as path from 'path';
import Ajv, {ErrorObject} from 'ajv';
import {parse as parseJsonc, ParseError, printParseErrorCode} from 'jsonc-parser';
import schema from '../../../schemas/train-spec.schema.json';
import type {SaveFormat} from '../../formats/table';
import {jsonDepthExceeds, MAX_JSON_DEPTH} from '../../common/limits';
import {readUserFile} from '../../common/regular-file';
import {SpecError} from '../../common/errors';

export type DataSource =
  | {x: string; y: string}
  | {npz: string; x?: string; y?: string}
  | {csv: string; label?: string | number};

export interface LayerSpec {
  type: string;
  [arg: string]: unknown;
}

export type OptimizerName = 'adam' | 'sgd' | 'rmsprop' | 'adagrad' | 'adadelta' | 'adamax';

export interface OptimizerSpec {
  class_name: OptimizerName;
  learning_rate?: number;
  beta_1?: number;
  beta_2?: number;
  epsilon?: number;
  momentum?: number;
  rho?: number;
  nesterov?: boolean;
}

export interface TrainSpec {
  name: string;
  data: {dataset: 'mnist'} | {train: DataSource; test?: DataSource};
  preprocessing: {reshape?: number[]; dtype?: 'float32'; scale?: number};
  model: ({name?: string; layers: LayerSpec[]} | {config: {class_name: string; config: unknown}} | {from: string}) & {weights?: string};
  compile: {optimizer: OptimizerSpec; loss: string; metrics: string[]};
  fit: {batch_size: number; epochs: number; validation_split: number; shuffle: boolean; seed: number; verbose: 0 | 1 | 2};
  save: {path: string; format?: SaveFormat; overwrite: boolean; include_optimizer: boolean};
}

// verbose: errors carry their schema (patternErrorMessage, which VS Code's JSON editor shows too).
const ajv = new Ajv({allErrors: true, strict: false, verbose: true});
const validateSchema = ajv.compile(schema);

/** `/fit/batch_size` -> `fit.batch_size`, `/model/layers/2/filters` -> `model.layers[2].filters`. */
function fieldName(pointer: string): string {
  return pointer.split('/').filter(Boolean)
    .map((part, i) => (/^\d+$/.test(part) ? `[${part}]` : `${i ? '.' : ''}${part}`)).join('');
}

/**
 * Picks the most useful schema error: ajv reports every failed `oneOf` branch; the deepest
 * error (longest path) is the one that names the user's actual mistake.
 */
function describe(errors: ErrorObject[], file: string): SpecError {
  const meaningful = errors.filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'if');
  const pool = meaningful.length ? meaningful : errors;
  // Among `oneOf` alternatives, the one whose required keys are all present is what the user meant.
  const branch = (e: ErrorObject) => /^(.*oneOf\/\d+)/.exec(e.schemaPath)?.[1] ?? '';
  const missing = new Map<string, number>();
  for (const e of pool) if (e.keyword === 'required') missing.set(branch(e), (missing.get(branch(e)) ?? 0) + 1);
  const rank = (e: ErrorObject) => e.instancePath.split('/').length * 100 - (missing.get(branch(e)) ?? 0);
  const best = pool.reduce((a, b) => (rank(b) > rank(a) ? b : a));
  let pointer = best.instancePath;
  let problem = best.message ?? 'is invalid';
  if (best.keyword === 'additionalProperties') {
    const extra = (best.params as {additionalProperty: string}).additionalProperty;
    pointer = `${pointer}/${extra}`;
    problem = 'is not a known setting';
  } else if (best.keyword === 'required') {
    pointer = `${pointer}/${(best.params as {missingProperty: string}).missingProperty}`;
    problem = 'is required';
  } else if (best.keyword === 'pattern' && best.parentSchema?.patternErrorMessage) {
    problem = best.parentSchema.patternErrorMessage as string;
  } else if (best.keyword === 'enum') {
    problem = `must be one of: ${(best.params as {allowedValues: unknown[]}).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  return new SpecError(file, fieldName(pointer) || '(root)', problem);
}

function normalizeOptimizer(value: unknown): OptimizerSpec {
  const spec = (typeof value === 'string' ? {class_name: value} : value) as OptimizerSpec;
  return {...spec, class_name: spec.class_name.toLowerCase() as OptimizerName};
}

/** Validates an already parsed spec object and fills in Keras's defaults. */
export function validateSpec(raw: unknown, file: string): TrainSpec {
  if (!validateSchema(raw)) throw describe(validateSchema.errors ?? [], file);
  const s = raw as Record<string, any>;
  const fit = {batch_size: 32, epochs: 1, validation_split: 0, shuffle: true, seed: 1337, verbose: 1, ...s.fit};
  const save = {overwrite: true, include_optimizer: true, ...s.save};
  if (save.path.trim() === '') throw new SpecError(file, 'save.path', 'must not be empty');
  if ('layers' in s.model) {
    const first = s.model.layers[0] as LayerSpec;
    if (!('input_shape' in first) && !('batch_input_shape' in first) && first.type !== 'InputLayer') {
      throw new SpecError(file, 'model.layers[0].input_shape',
        'the first layer needs input_shape (e.g. [28, 28, 1]) so the model can be built');
    }
  }
  return {
    name: s.name ?? path.basename(file).replace(/\.train\.json$|\.json$/, ''),
    data: s.data,
    preprocessing: s.preprocessing ?? {},
    model: s.model,
    compile: {optimizer: normalizeOptimizer(s.compile.optimizer), loss: s.compile.loss, metrics: s.compile.metrics ?? []},
    fit,
    save,
  };
}

export function parseSpecText(text: string, file: string): TrainSpec {
  // jsonc-parser and the schema validator recurse: deep nesting is refused before either runs.
  if (jsonDepthExceeds(text)) throw new SpecError(file, '', `nests deeper than ${MAX_JSON_DEPTH} levels; refusing to read it`);
  const errors: ParseError[] = [];
  const raw = parseJsonc(text, errors, {allowTrailingComma: true, disallowComments: false});
  if (errors.length) {
    const e = errors[0];
    const before = text.slice(0, e.offset);
    const line = before.split('\n').length;
    const column = e.offset - before.lastIndexOf('\n');
    throw new SpecError(file, '', `invalid JSON at line ${line}, column ${column}: ${printParseErrorCode(e.error)}`);
  }
  return validateSpec(raw, file);
}

export function readTrainSpec(file: string): TrainSpec {
  return parseSpecText(readUserFile(file, (problem) => new SpecError(file, '', problem), 'utf8'), file);
}

/** Resolves a spec path against the workspace root and refuses paths that leave it. */
export function resolveInside(root: string, relative: string, file: string, field: string): string {
  const resolved = path.resolve(root, relative);
  const rel = path.relative(path.resolve(root), resolved);
  if (rel.startsWith('..') || path.isAbsolute(rel)) {
    throw new SpecError(file, field, `'${relative}' is outside the workspace (${root})`);
  }
  return resolved;
}

export const SPEC_SCHEMA = schema;

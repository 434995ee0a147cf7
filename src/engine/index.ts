/**
 * The engine's public API: everything the CLI, the worker process and the tests use. No
 * `vscode` import anywhere below this folder.
 */
export {initBackend, activeBackend, NATIVE_INSTALL_ADVICE} from './backend';
export type {BackendPreference} from './backend';
export {readTrainSpec, parseSpecText, validateSpec, SPEC_SCHEMA} from './spec/spec';
export type {TrainSpec} from './spec/spec';
export {REFERENCE_SPEC} from './spec/reference';
export {trainFromSpec, trainFromSpecFile, checkpointPath} from './training/trainer';
export type {TrainOptions} from './training/trainer';
export {summarize, formatSummary} from './summary';
export {loadDataset} from './data/dataset';
export type {Dataset, Split, DataDescription} from './data/dataset';
export {DataError, SpecError} from '../common/errors';
export {openModel} from './models';
export type {OpenModel} from './models';
export {ModelSession, topK, argMax} from './session/session';
export type {Evaluation, FilePrediction, TestSet} from './session/session';
export {evaluateSplit} from './evaluate';
export {lossAndMetrics} from './training/losses';
export {saveModel, loadModel, FormatError, availableSaveFormats} from '../formats';

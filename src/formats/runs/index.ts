/** Training run records and TensorBoard event files: no TensorFlow.js, so every process may use them. */
export * from './record';
export * from './store';
export {
  EventFileWriter, readEventFile, frameRecord, eventFileName, isEventFile, scalarOf, textOf, sessionStartOf, sessionEndOf,
  DEFAULT_READ_LIMIT_BYTES, HPARAMS_TAGS, type HParamValue, type SessionStatus, type EventFileRead, type ReadEventsOptions,
} from './event-file';

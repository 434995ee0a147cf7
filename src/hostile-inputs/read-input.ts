/**
 * Opens one input with the reader the engine uses for it: what the hostile-input suite and the
 * fuzz child both call. Returns the load's warnings, or throws the reader's error.
 */
import * as path from 'path';
import {initBackend} from '../engine/backend';
import {openModel} from '../engine/models';
import {readIdx} from '../engine/data/idx';
import {readNpy, readNpz} from '../engine/data/npy';
import {readCsv, splitLabel} from '../engine/data/csv';
import {readTrainSpec} from '../engine/spec/spec';
import {readImage} from '../engine/session/images';
import type {Reader} from './cases';
import {WorkbenchError} from '../common/errors';

export async function readInput(reader: Reader, file: string, workspaceRoot = path.dirname(file)): Promise<string[]> {
  switch (reader) {
    case 'idx': readIdx(file); return [];
    case 'npy': readNpy(file); return [];
    case 'npz': readNpz(file); return [];
    case 'csv': splitLabel(readCsv(file), 'label', file); return [];
    case 'image': readImage(file); return [];
    case 'spec': readTrainSpec(file); return [];
    default: {
      await initBackend('cpu');
      const opened = await openModel(file, {workspaceRoots: [workspaceRoot]});
      opened.model.dispose();
      return opened.handle.warnings ?? [];
    }
  }
}

/** Our own errors (one line, naming their file, by construction). Anything else reaching the user is a defect. */
export function isCleanError(error: unknown): boolean {
  return error instanceof WorkbenchError;
}

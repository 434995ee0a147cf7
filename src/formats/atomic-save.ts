/**
 * Atomic, verified replacement of a model at a path, and recovery from a save that was killed.
 *
 * Every save writes a temporary sibling (`.NAME.saving-PID-ID`), flushes it to disk, reads it back
 * (the caller's `verify`), and only then puts it in place:
 * - a single file (.h5, .keras) with one rename over the old file: the path holds the old or the
 *   new file at every instant;
 * - a folder (TensorFlow.js) with two renames, since a folder cannot be renamed over another:
 *   old folder -> `.NAME.old-PID-ID`, new folder -> NAME, then the old one is removed. Between the
 *   two renames the path is empty; the next save or load of that path (`recoverSaveTarget`) puts
 *   the old folder back. Every other leftover (a partial temporary, an old folder after the new
 *   one is in place) is removed by that same recovery.
 * One writer at a time per path: `.NAME.save-lock` holds the writer's process id; a lock whose
 * process is gone is taken over. `KERAS_WORKBENCH_FAULT_STEP` makes the process SIGKILL itself
 * at a named step, so that tests can stop a save at every step.
 */
import {processAlive} from '../common/process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {FormatError, WorkbenchError, systemCause} from '../common/errors';

/** The steps of a save where `KERAS_WORKBENCH_FAULT_STEP=<label>:<step>[@n]` kills the process. */
export const SAVE_STEPS = ['writing', 'written', 'verified', 'old-moved', 'new-in-place', 'done'] as const;

let activeLabel = 'save';
let activeNumber = 0;
const savesByLabel = new Map<string, number>();
const hitsByStep = new Map<string, number>();

/**
 * Kills this process (SIGKILL: no cleanup, like a power cut or the OOM killer) when
 * `KERAS_WORKBENCH_FAULT_STEP` names this step, e.g. `save:old-moved` or `checkpoint:written@2`
 * (during the second checkpoint save of this process). Steps without a label prefix belong to
 * the save in progress ('save' or 'checkpoint'); other labelled steps (`train:final-saved`)
 * count the times they are reached.
 */
export function faultPoint(step: string, label = activeLabel, saveNumber = activeNumber): void {
  const wanted = process.env.KERAS_WORKBENCH_FAULT_STEP;
  if (!wanted) return;
  const name = step.includes(':') ? step : `${label}:${step}`;
  const [wantedName, nth] = wanted.split('@');
  if (wantedName !== name) return;
  let occurrence = saveNumber;
  if (step.includes(':')) {
    occurrence = (hitsByStep.get(name) ?? 0) + 1;
    hitsByStep.set(name, occurrence);
  }
  if (occurrence === Number(nth ?? 1)) process.kill(process.pid, 'SIGKILL');
}

export interface AtomicWriteOptions {
  /** Reads the temporary back and throws when it is not what was meant to be written. */
  verify?: (tmp: string) => Promise<void>;
  /** 'save' or 'checkpoint': names the fault-injection steps of this save. */
  label?: string;
}

/** Writes through a temporary sibling, verifies it, then swaps it in (see the file comment). */
export async function writeAtomically(target: string, write: (tmp: string) => Promise<void>, options: AtomicWriteOptions = {}): Promise<void> {
  const absolute = path.resolve(target);
  const dir = path.dirname(absolute);
  const base = path.basename(absolute);
  try {
    fs.mkdirSync(dir, {recursive: true});
  } catch (e) {
    throw saveFailure(target, e, undefined, false);
  }
  const release = await acquireSaveLock(absolute, target);
  const id = `${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
  const tmp = path.join(dir, `.${base}.saving-${id}`);
  const old = path.join(dir, `.${base}.old-${id}`);
  const previous = [activeLabel, activeNumber] as const;
  const label = options.label ?? 'save';
  const saveNumber = (savesByLabel.get(label) ?? 0) + 1;
  savesByLabel.set(label, saveNumber);
  [activeLabel, activeNumber] = [label, saveNumber];
  let existed = false;
  try {
    recoverLocked(absolute);
    existed = exists(absolute);
    try {
      await write(tmp);
      faultPoint('written');
      syncTree(tmp);
      if (options.verify) await options.verify(tmp);
      faultPoint('verified');
    } catch (e) {
      throw saveFailure(target, e, tmp, existed);
    }
    try {
      if (existed && (isDirectory(absolute) || isDirectory(tmp))) {
        fs.renameSync(absolute, old);
        syncFolder(dir);
        faultPoint('old-moved');
        try {
          fs.renameSync(tmp, absolute);
        } catch (e) {
          fs.renameSync(old, absolute);
          throw e;
        }
        syncFolder(dir);
        faultPoint('new-in-place');
        removeQuietly(old);
      } else {
        fs.renameSync(tmp, absolute);
        syncFolder(dir);
        faultPoint('new-in-place');
      }
    } catch (e) {
      throw saveFailure(target, e, tmp, existed);
    }
  } finally {
    removeQuietly(tmp);
    removeQuietly(partsFolder(tmp));
    [activeLabel, activeNumber] = previous;
    release();
  }
  faultPoint('done', label, saveNumber);
}

/** Where a writer may put intermediate files of `file` (removed with it, and by recovery). */
export function partsFolder(file: string): string {
  return `${file}.parts`;
}

/**
 * Finishes or rolls back what a killed save left at `target`: puts the old model back when the
 * path is empty, removes temporaries of processes that are gone. Loads call it before reading.
 * Touches nothing (not even a lock) when there are no leftovers.
 */
export async function recoverSaveTarget(target: string): Promise<void> {
  const absolute = path.resolve(target);
  if (leftovers(absolute).length === 0) {
    removeStaleLock(lockPath(absolute));
    return;
  }
  let release: () => void;
  try {
    // A live writer may be between its two renames: give it a moment to finish.
    release = await acquireSaveLock(absolute, target, LOAD_LOCK_WAIT_MS);
  } catch {
    return; // a read-only place or a save in progress: nothing this load can finish
  }
  try {
    recoverLocked(absolute);
  } finally {
    release();
  }
}

interface Leftover {
  file: string;
  kind: 'saving' | 'old';
  pid: number;
}

function leftovers(absolute: string): Leftover[] {
  const dir = path.dirname(absolute);
  const prefix = `.${path.basename(absolute)}.`;
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.startsWith(prefix));
  } catch {
    return [];
  }
  const out: Leftover[] = [];
  for (const n of names) {
    const m = /^(saving|old)-(\d+)-[a-z0-9]+(\.parts)?$/.exec(n.slice(prefix.length));
    if (m) out.push({file: path.join(dir, n), kind: m[1] as Leftover['kind'], pid: Number(m[2])});
  }
  return out;
}

/** With the lock held: every leftover of this path belongs to a save that is no longer running. */
function recoverLocked(absolute: string): void {
  const found = leftovers(absolute).filter((l) => l.pid === process.pid || !processAlive(l.pid));
  if (!exists(absolute)) {
    // Killed between the two renames of a folder save: the old model goes back.
    const old = found.find((l) => l.kind === 'old');
    if (old) {
      fs.renameSync(old.file, absolute);
      syncFolder(path.dirname(absolute));
      old.file = '';
    }
  }
  for (const l of found) if (l.file) removeQuietly(l.file);
}

const heldLocks = new Set<string>();
const LOCK_WAIT_MS = Number(process.env.KERAS_WORKBENCH_SAVE_LOCK_WAIT_MS ?? 120_000);
const LOAD_LOCK_WAIT_MS = 2000;

/** Waits until no other save writes `absolute`, then holds its lock file until released. */
function lockPath(absolute: string): string {
  return path.join(path.dirname(absolute), `.${path.basename(absolute)}.save-lock`);
}

/** A lock left by a killed writer (and nothing else to recover) is just removed. */
function removeStaleLock(lock: string): void {
  const holder = readLockHolder(lock);
  if (holder === undefined || heldLocks.has(lock) || processAlive(holder)) return;
  try {
    fs.unlinkSync(lock);
  } catch {
    // read-only place or already gone
  }
}

async function acquireSaveLock(absolute: string, target: string, waitMs = LOCK_WAIT_MS): Promise<() => void> {
  const lock = lockPath(absolute);
  const started = Date.now();
  let emptySince: number | undefined;
  for (;;) {
    if (!heldLocks.has(lock)) {
      try {
        const fd = fs.openSync(lock, 'wx');
        try {
          fs.writeSync(fd, String(process.pid));
        } finally {
          fs.closeSync(fd);
        }
        heldLocks.add(lock);
        return () => {
          heldLocks.delete(lock);
          try {
            fs.unlinkSync(lock);
          } catch {
            // already gone
          }
        };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw saveFailure(target, e, undefined, exists(absolute));
      }
      const holder = readLockHolder(lock);
      if (holder === undefined) {
        emptySince ??= Date.now();
      } else {
        emptySince = undefined;
      }
      const stale = holder !== undefined ? holder !== process.pid && !processAlive(holder)
        : Date.now() - (emptySince ?? Date.now()) > 2000;
      if (stale || holder === process.pid) {
        // The writer was killed (or this process died and restarted with its pid): take over.
        try {
          fs.unlinkSync(lock);
        } catch {
          // another process took it over first
        }
        continue;
      }
    }
    if (Date.now() - started > waitMs) {
      throw new FormatError(target, `another save to this path is in progress (${lock}); nothing was written`, 'save');
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function readLockHolder(lock: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(lock, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}


/**
 * A failed save as one line naming the target and the cause (disk full, read-only, permission),
 * whatever the layer it came from: fs errors, writers' FormatErrors naming the temporary, HDF5.
 */
export function saveFailure(target: string, error: unknown, tmp: string | undefined, existed: boolean): FormatError {
  const unchanged = existed ? '; the model that was there is unchanged' : '; nothing was written';
  const e = error as NodeJS.ErrnoException;
  // A save error already says what became of the target (refused before writing, a lock held elsewhere).
  if (error instanceof WorkbenchError && error.kind === 'save') return error;
  const cause = systemCause(e?.code) ?? (diskFullAt(path.dirname(path.resolve(target))) ? systemCause('ENOSPC') : undefined);
  if (cause) return new FormatError(target, `cannot be saved: ${cause}${unchanged}`, 'save');
  if (error instanceof WorkbenchError) {
    // A writer's own refusal (a layer the format cannot hold): its words, naming the target, not the temporary.
    return tmp && error.file.startsWith(tmp) ? new FormatError(target, error.problem) : error;
  }
  return new FormatError(target, `cannot be saved: ${e?.message ?? String(error)}${unchanged}`, 'save');
}

/** Whether the file system holding `dir` has (next to) no space left. */
function diskFullAt(dir: string): boolean {
  try {
    const s = fs.statfsSync(dir);
    return s.bavail * s.bsize < 64 * 1024;
  } catch {
    return false;
  }
}

/** Flushes a file, or a folder's files and the folder itself, to the disk. */
function syncTree(p: string): void {
  const stat = fs.statSync(p);
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(p)) syncTree(path.join(p, name));
  }
  const fd = fs.openSync(p, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes renames in `dir` durable. */
function syncFolder(dir: string): void {
  try {
    syncTree(dir === '' ? '.' : dir);
  } catch {
    // some file systems refuse fsync on folders; the rename itself is still atomic
  }
}

function exists(p: string): boolean {
  try {
    fs.lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

function isDirectory(p: string): boolean {
  try {
    return fs.lstatSync(p).isDirectory();
  } catch {
    return false;
  }
}

function removeQuietly(p: string): void {
  try {
    fs.rmSync(p, {recursive: true, force: true});
  } catch {
    // a leftover the next recovery removes
  }
}

/**
 * A private scratch folder in the system temp folder (e.g. a member unpacked from a .keras
 * archive). Named after this process, so folders of killed processes are found and removed.
 */
export function scratchFolder(): {dir: string; remove: () => void} {
  const tmp = os.tmpdir();
  const prefix = 'keras-workbench-';
  try {
    for (const name of fs.readdirSync(tmp)) {
      const m = new RegExp(`^${prefix}(\\d+)-`).exec(name);
      if (m && Number(m[1]) !== process.pid && !processAlive(Number(m[1]))) removeQuietly(path.join(tmp, name));
    }
  } catch {
    // an unreadable temp folder: nothing to sweep
  }
  const dir = fs.mkdtempSync(path.join(tmp, `${prefix}${process.pid}-`));
  return {dir, remove: () => removeQuietly(dir)};
}

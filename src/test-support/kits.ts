/**
 * The optional checking kits: a real Keras 3 (numpy backend) and TensorBoard's own event-file
 * reader. Found through KERAS_WORKBENCH_KERAS3 / KERAS_WORKBENCH_TENSORBOARD (the kit's folder),
 * else beside the repository (`../shared/keras3`, `../shared/tensorboard`). Where a kit is absent a
 * check that needs it is skipped with one visible line; under CI (CI=true) it fails instead, since
 * CI has the kits and must run those checks.
 */
import * as fs from 'fs';
import * as path from 'path';
import {execFileSync, type ExecFileSyncOptions} from 'child_process';
import type {TestContext} from 'node:test';
import {REPO_ROOT} from './fixtures';

export interface Kit {
  /** What it is, for the skip line. */
  readonly label: string;
  /** Its folder, or undefined where it is absent. */
  readonly root: string | undefined;
}

function locate(variable: string, sibling: string, marker: string): string | undefined {
  const candidates = [process.env[variable], path.resolve(REPO_ROOT, '../shared', sibling)].filter((c): c is string => !!c);
  return candidates.find((c) => fs.existsSync(path.join(c, marker)));
}

export const KERAS3: Kit = {label: 'Keras 3 kit (KERAS_WORKBENCH_KERAS3 or ../shared/keras3)', root: locate('KERAS_WORKBENCH_KERAS3', 'keras3', 'python')};
export const TENSORBOARD: Kit = {label: 'TensorBoard reader kit (KERAS_WORKBENCH_TENSORBOARD or ../shared/tensorboard)', root: locate('KERAS_WORKBENCH_TENSORBOARD', 'tensorboard', 'read_events.py')};

/**
 * True when the kit is there; otherwise skips the test `t` with one visible line (and fails under CI).
 * Use at the top of a test: `if (!needKit(t, KERAS3)) return;`
 */
export function needKit(t: TestContext, kit: Kit): boolean {
  if (kit.root) return true;
  const line = `${t.name}: needs the ${kit.label}, not found`;
  if (process.env.CI) throw new Error(`${line} (CI must run this check)`);
  console.log(`[skipped] ${line}`);
  t.skip(line);
  return false;
}

/** Runs a Python script (a file or `-c` code) with the kit's Python; returns stdout. */
export function runInKit(kit: Kit, args: string[], options: ExecFileSyncOptions = {}): string {
  if (!kit.root) throw new Error(`the ${kit.label} is absent`);
  return execFileSync(path.join(kit.root, 'python'), args, {encoding: 'utf8', maxBuffer: 256 << 20, ...options}) as string;
}

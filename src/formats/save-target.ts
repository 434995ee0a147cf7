/**
 * Where a save may write. A save replaces what is at its target, so the target must be absent or
 * a model this tool can read (recognised by its content, not its name) and nothing else: never the
 * workspace folder or a folder above it, a folder holding the spec or its data, an ordinary file
 * or folder, or a model folder that also holds files which are not part of the model. Paths are
 * compared by real path (symlinks resolved), so a link inside the workspace cannot lead a save
 * outside it. Synchronous, so that editors (the language server) can check a path as it is typed.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {readZipDirectory} from './zip-file';
import {saveFormatFromPath, type SaveFormat} from './table';
import {cannotRead, openRegularFile, readRegularFile} from '../common/regular-file';

export interface SaveTargetContext {
  /** Saves must stay inside this folder (by real path). Absent: anywhere the user named. */
  workspaceRoot?: string;
  /** Files and folders a save must never replace or delete (the spec, its data files). */
  protectedPaths?: readonly string[];
  /** The format to be written, when known: a TensorFlow.js save writes a folder, h5 and keras a file. */
  format?: SaveFormat;
}

/**
 * One save, decided once and handed to every writer: where (an absolute path), in which format,
 * under which rules (the workspace it stays in, the paths it must not replace), whether it may
 * replace a model that is there, whether the optimizer state goes with it. Writers take it as
 * it is: none of them resolves a path, picks a format or assembles the rules again.
 */
export interface SaveTarget extends SaveTargetContext {
  readonly path: string;
  readonly format: SaveFormat;
  readonly protectedPaths: readonly string[];
  /** Replace a model already at the path (Keras `overwrite`). */
  readonly overwrite: boolean;
  /** Store the optimizer state, so that training resumes exactly (Keras `include_optimizer`). */
  readonly includeOptimizer: boolean;
}

/** What a caller decides about a save; the rest follows from the path. */
export interface SaveTargetChoice {
  /** Keras `save_format`; absent: from the path's extension (a path without one is a TensorFlow.js folder). */
  format?: SaveFormat;
  workspaceRoot?: string;
  protectedPaths?: readonly string[];
  /** Default true, as Keras's. */
  overwrite?: boolean;
  /** Default true, as Keras's. */
  includeOptimizer?: boolean;
}

/** Resolves a save of `target` (relative to the current directory) into the value every writer takes. */
export function saveTarget(target: string, choice: SaveTargetChoice = {}): SaveTarget {
  return {
    path: path.resolve(target),
    format: choice.format ?? saveFormatFromPath(target),
    workspaceRoot: choice.workspaceRoot === undefined ? undefined : path.resolve(choice.workspaceRoot),
    protectedPaths: choice.protectedPaths ?? [],
    overwrite: choice.overwrite ?? true,
    includeOptimizer: choice.includeOptimizer ?? true,
  };
}

/** What a TensorFlow.js model folder written by this tool may hold besides its weight shards. */
const MODEL_FOLDER_FILES = new Set(['model.json', 'history.json', 'trainer-state.json']);
/** model.json files larger than this are not parsed to recognise a folder (no real topology is). */
const MODEL_JSON_LIMIT = 64 * 1024 * 1024;

/** Why saving at `target` would be refused (the problem alone, without the path), or undefined when it may be written. */
export function saveTargetProblem(target: string, context: SaveTargetContext = {}): string | undefined {
  const absolute = path.resolve(target);
  let real: string;
  try {
    real = realPathOf(absolute);
  } catch (e) {
    return `cannot resolve its folder: ${(e as Error).message}`;
  }
  const home = safeRealPath(os.homedir());
  if (real === path.parse(real).root || isInside(real, home)) {
    return `is ${real === path.parse(real).root ? 'the file system root' : 'the home folder or a folder above it'}; a save replaces its target. Choose a path for the model itself (e.g. models/my-model).`;
  }
  if (context.workspaceRoot !== undefined) {
    const root = safeRealPath(path.resolve(context.workspaceRoot));
    if (real === root) return 'is the workspace folder; a save replaces its target. Choose a path inside it (e.g. models/my-model).';
    if (isInside(real, root)) return `holds the workspace folder (${root}); a save there would delete it.`;
    if (!isInside(root, real)) {
      return `is outside the workspace (${root})${real !== absolute ? ` once symbolic links are resolved (${real})` : ''}; saves stay inside the workspace.`;
    }
  }
  for (const p of context.protectedPaths ?? []) {
    const guarded = safeRealPath(path.resolve(p));
    if (guarded === real) return `is ${p}, which this run reads or works in; a save must not replace it.`;
    if (isInside(real, guarded)) return `holds ${p}, which this run reads or works in; a save there would delete it.`;
  }
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(absolute);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return `cannot be examined: ${(e as Error).message}`;
  }
  if (stat.isSymbolicLink()) {
    return `is a symbolic link (to ${real}); a save would replace the link, not what it points to. Save to the real path instead.`;
  }
  if (stat.isDirectory()) {
    if (context.format && context.format !== 'tfjs') {
      return `is an existing folder; the '${context.format}' format saves a single file. Choose a file path (e.g. model.${context.format}).`;
    }
    return modelFolderProblem(absolute);
  }
  if (!stat.isFile()) return `is not a regular file or folder; refusing to replace it.`;
  if (context.format === 'tfjs') {
    return `is an existing file; the TensorFlow.js format saves a folder. Choose a folder path.`;
  }
  return modelFileProblem(absolute);
}

/** Whether `inner` is `outer` or below it (both real, absolute paths). */
export function isInside(outer: string, inner: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * The real path of `absolute`, which may not exist yet: the real path of its nearest existing
 * ancestor, joined with the rest. A dangling symbolic link at the end resolves to where it points.
 */
export function realPathOf(absolute: string): string {
  const rest: string[] = [];
  let at = absolute;
  for (let hops = 0; ; ) {
    try {
      return path.join(fs.realpathSync.native(at), ...rest.reverse());
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    let link: string | undefined;
    try {
      link = fs.lstatSync(at).isSymbolicLink() ? fs.readlinkSync(at) : undefined;
    } catch {
      link = undefined;
    }
    if (link !== undefined && hops++ < 40) {
      at = path.resolve(path.dirname(at), link);
      continue;
    }
    const parent = path.dirname(at);
    if (parent === at) return path.join(at, ...rest.reverse());
    rest.push(path.basename(at));
    at = parent;
  }
}

function safeRealPath(p: string): string {
  try {
    return realPathOf(p);
  } catch {
    return p;
  }
}

/** A folder may be replaced only when it is a TensorFlow.js model folder and holds nothing else. */
function modelFolderProblem(dir: string): string | undefined {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, {withFileTypes: true});
  } catch (e) {
    return cannotRead(e);
  }
  const names = entries.map((e) => e.name);
  const json = path.join(dir, 'model.json');
  const manifestFiles = names.includes('model.json') ? modelJsonShards(json) : undefined;
  if (manifestFiles === undefined) {
    const what = names.includes('saved_model.pb') ? 'a SavedModel folder (this tool does not write that format)'
      : names.length === 0 ? 'an empty folder this tool did not write' : 'an ordinary folder, not a TensorFlow.js model';
    return `is ${what}; a save would delete what is in it. Choose a new path or remove it yourself.`;
  }
  const foreign = entries.filter((e) => !e.isFile() || !(MODEL_FOLDER_FILES.has(e.name) || manifestFiles.has(e.name)));
  if (foreign.length > 0) {
    const listed = foreign.slice(0, 3).map((e) => e.name + (e.isDirectory() ? '/' : '')).join(', ');
    return `is a model folder that also holds ${listed}${foreign.length > 3 ? ` and ${foreign.length - 3} more` : ''}, which the model does not use; a save would delete them. Move them out or choose another path.`;
  }
  return undefined;
}

/** The shard file names a model.json lists, or undefined when it is not a TensorFlow.js layers model. */
function modelJsonShards(file: string): Set<string> | undefined {
  try {
    if (fs.statSync(file).size > MODEL_JSON_LIMIT) return undefined;
    const json = JSON.parse(readRegularFile(file, 'utf8'));
    if (!json || typeof json !== 'object' || !json.modelTopology) return undefined;
    const shards = new Set<string>();
    for (const group of Array.isArray(json.weightsManifest) ? json.weightsManifest : []) {
      for (const p of Array.isArray(group?.paths) ? group.paths : []) if (typeof p === 'string') shards.add(path.normalize(p));
    }
    return shards;
  } catch {
    return undefined;
  }
}

const HDF5_MAGIC = Buffer.from([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Attribute names that only Keras model and weights files carry at their root. */
const KERAS_HDF5_MARKS = [Buffer.from('model_config'), Buffer.from('layer_names')];
const SCAN_WINDOW = 1024 * 1024;

/** A file may be replaced only when it is a Keras HDF5 model or weights file, or a Keras zip. */
function modelFileProblem(file: string): string | undefined {
  let fd: number;
  try {
    fd = openRegularFile(file);
  } catch (e) {
    return cannotRead(e);
  }
  try {
    const head = Buffer.alloc(8);
    const n = fs.readSync(fd, head, 0, 8, 0);
    if (n === 8 && head.equals(HDF5_MAGIC)) {
      if (containsAny(fd, KERAS_HDF5_MARKS)) return undefined;
      return `is an HDF5 file without a Keras model in it; a save would destroy it. Choose a new path.`;
    }
    if (n >= 2 && head[0] === 0x50 && head[1] === 0x4b) {
      try {
        if (readZipDirectory(file).has('config.json')) return undefined;
      } catch {
        // not a readable archive: refused below
      }
      return `is a zip file but not a Keras .keras archive (no config.json); a save would destroy it. Choose a new path.`;
    }
    return `is an ordinary file, not a model this tool can read; a save would destroy it. Choose a new path.`;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Whether the file's first or last MiB holds one of `marks`: Keras writers (h5py, ours) put the
 * root attributes' names in the first KiB; reading no further keeps the check fast on big files.
 */
function containsAny(fd: number, marks: Buffer[]): boolean {
  const size = fs.fstatSync(fd).size;
  for (const start of new Set([0, Math.max(0, size - SCAN_WINDOW)])) {
    const buffer = Buffer.alloc(Math.min(SCAN_WINDOW, size));
    const n = fs.readSync(fd, buffer, 0, buffer.length, start);
    if (marks.some((m) => buffer.subarray(0, n).includes(m))) return true;
  }
  return false;
}

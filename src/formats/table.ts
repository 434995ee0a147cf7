/**
 * The model file formats, declared once: ids, extensions, how a folder or file is recognized,
 * labels, what each keeps. No TensorFlow.js import: the extension host, the protocol, the CLI's
 * options and the build checks (package.json menus, the spec schema) read it as well as the
 * readers and writers (`index.ts` binds each id to its reader / writer module).
 */

export interface FormatInfo {
  readonly id: string;
  /** Shown in pickers and messages. */
  readonly label: string;
  /** What the saved model is made of, shown beside the label. */
  readonly description: string;
  readonly kind: 'folder' | 'file';
  /** File extensions (lower case, with the dot); the first is the one proposed when saving. */
  readonly extensions: readonly string[];
  /** Files whose presence inside a folder makes it a model of this format. */
  readonly markerFiles: readonly string[];
  readonly writable: boolean;
  /** What a model saved in this format keeps (for the user choosing one). */
  readonly keeps: string;
}

export const FORMAT_TABLE = [
  {
    id: 'tfjs', label: 'TensorFlow.js folder', description: 'model.json + weight shards', kind: 'folder',
    extensions: [], markerFiles: ['model.json'], writable: true,
    keeps: 'config, weights, optimizer state, history; loads in stock TensorFlow.js (options it lacks are rewritten, refused or warned about)',
  },
  {
    id: 'h5', label: 'Keras HDF5', description: '.h5', kind: 'file',
    extensions: ['.h5', '.hdf5'], markerFiles: [], writable: true,
    keeps: 'config, weights, optimizer state in the tf.keras 2.x layout; every Keras option',
  },
  {
    id: 'keras', label: 'Keras 3 archive', description: '.keras', kind: 'file',
    extensions: ['.keras'], markerFiles: [], writable: true,
    keeps: 'config, weights, optimizer state in the Keras 3 layout; every Keras option Keras 3 has',
  },
  {
    id: 'savedmodel', label: 'TensorFlow SavedModel folder', description: 'saved_model.pb + variables/', kind: 'folder',
    extensions: [], markerFiles: ['saved_model.pb'], writable: false,
    keeps: 'read only: the Keras model of a tf.keras SavedModel (keras_metadata.pb + variables)',
  },
] as const satisfies readonly FormatInfo[];

export type FormatId = (typeof FORMAT_TABLE)[number]['id'];
/** The formats a model can be saved in (Keras `save_format`). */
export type SaveFormat = Extract<(typeof FORMAT_TABLE)[number], {writable: true}>['id'];

export const SAVE_FORMATS: readonly SaveFormat[] = FORMAT_TABLE.filter((f) => f.writable).map((f) => f.id as SaveFormat);

export function formatInfo(id: FormatId): FormatInfo {
  return FORMAT_TABLE.find((f) => f.id === id)!;
}

export function isSaveFormat(id: string): id is SaveFormat {
  return (SAVE_FORMATS as readonly string[]).includes(id);
}

/** Every model-file extension, without dots (`['h5', 'hdf5', 'keras']`). */
export const MODEL_FILE_EXTENSIONS: readonly string[] = FORMAT_TABLE.flatMap((f) => f.extensions.map((e) => e.slice(1)));

/** Marker files of model folders (`model.json`, `saved_model.pb`). */
export const MODEL_FOLDER_MARKERS: readonly string[] = FORMAT_TABLE.flatMap((f) => f.markerFiles);

/** The file format a path's extension names, if any. */
export function fileFormatOf(file: string): FormatInfo | undefined {
  const lower = file.toLowerCase();
  return FORMAT_TABLE.find((f) => f.extensions.some((e) => lower.endsWith(e)));
}

/** The save format a target path implies (Keras: by extension; anything else is a TF.js folder). */
export function saveFormatFromPath(target: string): SaveFormat {
  const format = fileFormatOf(target);
  return format && isSaveFormat(format.id) ? format.id : 'tfjs';
}

/** `save.format` / `--format` help: `tfjs = TensorFlow.js folder (model.json + weight shards); ...`. */
export function saveFormatHelp(): string {
  return FORMAT_TABLE.filter((f) => f.writable).map((f) => `${f.id} = ${f.label} (${f.description})`).join('; ');
}

// ---------------------------------------------------------------------------------------------
// VS Code contributions derived from the table (package.json is checked against them in a test).

/** Context key listing workspace folders that hold a model folder's marker file. */
export const MODEL_FOLDERS_CONTEXT_KEY = 'kerasWorkbench.modelFolders';

/** `when` clause of the explorer's Load Model / Open Inspector: model folders and model files. */
export function explorerModelWhen(): string {
  const ext = MODEL_FILE_EXTENSIONS.join('|');
  return `explorerResourceIsFolder && resourcePath in ${MODEL_FOLDERS_CONTEXT_KEY} || !explorerResourceIsFolder && resourceExtname =~ /^\\.(${ext})$/`;
}

/**
 * Keras 3 `save_weights` output: weights without a model config, loaded onto a topology the user
 * names (`x.weights.h5`, or a sharded `x.weights.json` map with its shards).
 */
export const WEIGHTS_ONLY_FILE = /\.weights\.(h5|json)$/i;

/** `when` clause of the explorer's Load Model: as above, plus a marker file itself (it stands for its folder) and a sharded weights map. */
export function explorerLoadWhen(): string {
  const markers = MODEL_FOLDER_MARKERS.map((m) => m.replace(/\./g, '\\.')).join('|');
  return `${explorerModelWhen()} || resourceFilename =~ /^(${markers})$/ || resourceFilename =~ /\\.weights\\.json$/`;
}

/**
 * The files the model editor opens (package.json `customEditors` selector): every model file
 * format and every folder format's marker file (which stands for its folder).
 */
export function modelEditorFilePatterns(): string[] {
  return [...MODEL_FILE_EXTENSIONS.map((e) => `*.${e}`), ...MODEL_FOLDER_MARKERS.map((m) => `**/${m}`)];
}

/** `workspaceContains:` activation events for every format. */
export function modelActivationEvents(): string[] {
  return [
    ...MODEL_FOLDER_MARKERS.map((m) => `workspaceContains:**/${m}`),
    `workspaceContains:**/*.{${MODEL_FILE_EXTENSIONS.join(',')}}`,
  ];
}

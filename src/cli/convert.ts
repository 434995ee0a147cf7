/**
 * `convert IN OUT [--format tfjs|h5|keras] [--weights W.h5] [--no-optimizer] [--no-overwrite]`:
 * converts between every format we read and every format we write, file to file, without
 * running the model. IN is sniffed by content; OUT's format comes from --format or its extension.
 */
import * as path from 'path';
import {parseArgs} from 'util';
import {initBackend} from '../engine/backend';
import {formatFromPath, readArtifacts, saveArtifacts, type KerasArtifacts, type SaveFormat} from '../formats/index';
import {debugLog, setDebugLog} from '../common/diagnostics';
import {errorLine} from '../common/errors';
import {readKerasWeightsWithTopology} from '../formats/hdf5';
import {loadCustomObjectsModule} from '../keras/custom-objects';
import {relocateMetadata} from '../engine/session/data-location';
import {FORMAT_TABLE, SAVE_FORMATS, isSaveFormat} from '../formats/table';

const where = (f: (typeof FORMAT_TABLE)[number]) => f.kind === 'folder' ? `folder with ${f.markerFiles.join(', ')}` : f.extensions.join('/');

export const CONVERT_HELP = `Usage: keras-workbench convert IN OUT [options]

Converts a Keras model between formats. IN may be any of: ${FORMAT_TABLE.map((f) => `${f.label} (${where(f)})`).join(', ')};
its format is recognized from its content. OUT is written as: ${FORMAT_TABLE.filter((f) => f.writable).map((f) => `${f.id} = ${f.label} (${where(f)})`).join(', ')}.

Options:
  --format F            ${SAVE_FORMATS.join(' | ')} (default: from OUT's extension; otherwise a folder, tfjs)
  --weights FILE        IN is a JSON topology (model.to_json()) and FILE its weights-only HDF5
                        (model.save_weights()).
  --no-optimizer        Leave the optimizer state out (Keras include_optimizer=False).
  --no-overwrite        Fail instead of replacing an existing OUT.
  --custom-objects JS   Module exporting custom layer classes (Keras custom_objects).`;


function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: {type: 'string'}, weights: {type: 'string'}, 'no-optimizer': {type: 'boolean'},
      'no-overwrite': {type: 'boolean'}, overwrite: {type: 'boolean'}, 'custom-objects': {type: 'string'},
      backend: {type: 'string'}, help: {type: 'boolean', short: 'h'}, verbose: {type: 'boolean'},
    },
  });
}

/** Runs `convert` with the arguments after the command name; returns the exit status. */
export async function convertCommand(args: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args[0] === 'convert' ? args.slice(1) : args);
  } catch (e) {
    process.stderr.write(`convert: ${errorLine(e)}\n\n${CONVERT_HELP}\n`);
    return 2;
  }
  const {values, positionals} = parsed;
  if (values.help) {
    process.stdout.write(`${CONVERT_HELP}\n`);
    return 0;
  }
  if (values.verbose || process.env.KERAS_WORKBENCH_DEBUG) setDebugLog((text) => process.stderr.write(`[debug] ${text}\n`));
  const [input, output] = positionals;
  if (!input || !output || positionals.length > 2) {
    process.stderr.write(`convert: expected IN and OUT, got ${positionals.length} path(s)\n\n${CONVERT_HELP}\n`);
    return 2;
  }
  const format = (values.format ?? formatFromPath(output)) as SaveFormat;
  if (!isSaveFormat(format)) {
    process.stderr.write(`convert: --format must be one of ${SAVE_FORMATS.join(', ')}, got '${values.format}'\n`);
    return 2;
  }
  try {
    // Readers build the model (without running it) to place its weights; the lightest backend does.
    await initBackend('cpu');
    const customObjects = values['custom-objects'] ? loadCustomObjectsModule(values['custom-objects']) : undefined;
    let artifacts: KerasArtifacts;
    let from: string;
    if (values.weights) {
      artifacts = await readKerasWeightsWithTopology(values.weights, input);
      from = 'JSON topology + weights-only HDF5';
    } else {
      const read = await readArtifacts(input, {customObjects});
      artifacts = read.artifacts;
      from = read.format;
    }
    for (const w of artifacts.warnings ?? []) process.stderr.write(`warning: ${w}\n`);
    // The model's data paths are relative to its folder: rewritten so they name the same files from OUT's.
    artifacts.userDefinedMetadata = relocateMetadata(artifacts.userDefinedMetadata as Record<string, unknown> | undefined, input, output, [process.cwd()]) as {} | undefined;
    const written = await saveArtifacts(artifacts, output, {
      saveFormat: format,
      includeOptimizer: !values['no-optimizer'],
      overwrite: !values['no-overwrite'],
      // OUT was typed by the user and may be anywhere, but never the folder they work in (or one above it).
      protectedPaths: [process.cwd()],
      onWarning: (w) => process.stderr.write(`warning: ${w}\n`),
    });
    const version = artifacts.kerasVersion ? `, Keras ${artifacts.kerasVersion}` : '';
    process.stdout.write(`Converted ${input} (${from}${version}) -> ${path.resolve(output)} (${written}).\n`);
    return 0;
  } catch (e) {
    debugLog((e as Error)?.stack ?? String(e));
    process.stderr.write(`convert: ${errorLine(e, input)}\n`);
    return 1;
  }
}

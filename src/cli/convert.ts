/**
 * `keras-workbench convert IN OUT`: converts between every format we read and every format we write, file to file, without
 * running the model. IN is sniffed by content; OUT's format comes from --format or its extension.
 */
import * as path from 'path';
import {initBackend} from '../engine/backend';
import {formatFromPath, readArtifacts, readWithWeights, saveArtifacts, saveTarget} from '../formats/index';
import type {KerasArtifacts, SaveFormat} from '../formats/artifacts';
import {debugLog} from '../common/diagnostics';
import {errorLine} from '../common/errors';
import {loadCustomObjectsModule} from '../keras/custom-objects';
import {relocateMetadata} from '../engine/session/data-location';
import {FORMAT_TABLE} from '../formats/table';

const where = (f: (typeof FORMAT_TABLE)[number]) => f.kind === 'folder' ? `folder with ${f.markerFiles.join(', ')}` : f.extensions.join('/');

/** What convert reads and writes, for its --help. */
export const CONVERT_FORMATS = [
  'IN may be any of these (its format is recognized from its content):',
  ...FORMAT_TABLE.map((f) => `  ${f.label} (${where(f)})`),
  'OUT is written as (--format):',
  ...FORMAT_TABLE.filter((f) => f.writable).map((f) => `  ${f.id.padEnd(7)}${f.label} (${where(f)})`),
].join('\n');

export interface ConvertArguments {
  format?: SaveFormat;
  weights?: string;
  'no-optimizer'?: boolean;
  'no-overwrite'?: boolean;
  'custom-objects'?: string;
}

export async function convert(input: string, output: string, values: ConvertArguments): Promise<number> {
  const format = values.format ?? formatFromPath(output);
  try {
    // Readers build the model (without running it) to place its weights; the lightest backend does.
    await initBackend('cpu');
    const customObjects = values['custom-objects'] ? loadCustomObjectsModule(values['custom-objects']) : undefined;
    let artifacts: KerasArtifacts;
    let from: string;
    if (values.weights) {
      artifacts = await readWithWeights(input, values.weights, {customObjects});
      from = `topology + weights of ${path.basename(values.weights)}`;
    } else {
      const read = await readArtifacts(input, {customObjects});
      artifacts = read.artifacts;
      from = read.format;
    }
    for (const w of artifacts.warnings ?? []) process.stderr.write(`warning: ${w}\n`);
    // The model's data paths are relative to its folder: rewritten so they name the same files from OUT's.
    artifacts.userDefinedMetadata = relocateMetadata(artifacts.userDefinedMetadata as Record<string, unknown> | undefined, input, output, [process.cwd()]) as {} | undefined;
    const written = await saveArtifacts(artifacts, saveTarget(output, {
      format,
      includeOptimizer: !values['no-optimizer'],
      overwrite: !values['no-overwrite'],
      // OUT was typed by the user and may be anywhere, but never the folder they work in (or one above it).
      protectedPaths: [process.cwd()],
    }), {onWarning: (w) => process.stderr.write(`warning: ${w}\n`)});
    const version = artifacts.kerasVersion ? `, Keras ${artifacts.kerasVersion}` : '';
    process.stdout.write(`Converted ${input} (${from}${version}) -> ${path.resolve(output)} (${written}).\n`);
    return 0;
  } catch (e) {
    debugLog((e as Error)?.stack ?? String(e));
    process.stderr.write(`keras-workbench convert: ${errorLine(e, input)}\n`);
    return 1;
  }
}

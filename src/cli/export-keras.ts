/**
 * `keras-workbench export-keras SPEC [-o train.py] [--distributed]`: the spec as a Keras 3
 * training script (src/engine/export). Writes next to the spec by default and never replaces a
 * file unless --overwrite is given.
 */
import * as fs from 'fs';
import * as path from 'path';
import {readTrainSpec} from '../engine/spec/spec';
import {initBackend} from '../engine/backend';
import {defaultScriptPath, generateKerasScript, scriptTargetProblem} from '../engine/export/keras-script';
import {WorkbenchError, errorLine} from '../common/errors';

export interface ExportArguments {
  out?: string;
  distributed?: boolean;
  overwrite?: boolean;
}

export async function exportKeras(specFile: string, values: ExportArguments): Promise<number> {
  const target = path.resolve(values.out ?? defaultScriptPath(specFile));
  try {
    const problem = scriptTargetProblem(target);
    if (problem) throw new WorkbenchError('save', target, problem);
    if (fs.existsSync(target) && !values.overwrite) {
      throw new WorkbenchError('save', target, 'already exists; pass --overwrite to replace it, or -o another file');
    }
    const spec = readTrainSpec(specFile);
    // Building the model to read its config back needs a backend, not speed: plain JS is enough.
    await initBackend('cpu');
    const script = await generateKerasScript(spec, specFile, {
      specLabel: path.relative(process.cwd(), path.resolve(specFile)), distributed: values.distributed,
      scriptName: path.basename(target),
    });
    fs.writeFileSync(target, script, {mode: 0o755});
    process.stdout.write(`Wrote ${path.relative(process.cwd(), target) || target}${values.distributed ? ' (distributed)' : ''}\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`keras-workbench export-keras: ${errorLine(e, specFile)}\n`);
    return 1;
  }
}

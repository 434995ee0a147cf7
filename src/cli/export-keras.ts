/**
 * `keras-workbench export-keras SPEC [-o train.py] [--distributed]`: the spec as a Keras 3
 * training script (src/engine/export). Writes next to the spec by default and never replaces a
 * file unless --overwrite is given.
 */
import * as fs from 'fs';
import * as path from 'path';
import {parseArgs} from 'util';
import {readTrainSpec} from '../engine/spec/spec';
import {initBackend} from '../engine/backend';
import {defaultScriptPath, generateKerasScript, scriptTargetProblem} from '../engine/export/keras-script';
import {WorkbenchError, errorLine} from '../common/errors';

export const EXPORT_HELP = `Usage: keras-workbench export-keras SPEC [-o train.py] [--distributed] [--overwrite]

Writes a self-contained Keras 3 training script equivalent to the spec: the same model config
(as our .keras writer produces it), data and preprocessing, compile and fit settings, with
BackupAndRestore, a checkpoint per epoch, a history file the inspector reads and a final
model.save("<save.path>.keras").

  -o, --out FILE     Script path (default: next to the spec, <name>.train.py).
  --distributed      Keras DataParallel over every device on the JAX backend, multi-host set-up
                     from environment variables (documented at the top of the script).
  --overwrite        Replace FILE if it exists.`;

export async function exportKerasCommand(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({args, allowPositionals: true, options: {
      out: {type: 'string', short: 'o'}, distributed: {type: 'boolean'}, overwrite: {type: 'boolean'}, help: {type: 'boolean', short: 'h'},
    }});
  } catch (e) {
    process.stderr.write(`keras-workbench export-keras: ${errorLine(e)}\n\n${EXPORT_HELP}\n`);
    return 2;
  }
  const {values, positionals} = parsed;
  if (values.help) {
    process.stdout.write(`${EXPORT_HELP}\n`);
    return 0;
  }
  const specFile = positionals[0];
  if (!specFile || positionals.length > 1) {
    process.stderr.write(`keras-workbench export-keras: ${specFile ? 'one SPEC only' : 'missing SPEC (a *.train.json file)'}\n\n${EXPORT_HELP}\n`);
    return 2;
  }
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

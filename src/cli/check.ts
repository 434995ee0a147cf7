/**
 * `keras-workbench check SPEC...`: the spec analysis headless. Prints one
 * `file:line:col: severity: message` line per finding (VS Code's problem matcher
 * `$keras-workbench` reads them), then a summary per spec; exits 1 when any spec has errors.
 */
import {analyzeSpecText, formatDiagnostic} from '../engine/analysis/spec-analysis';
import {formatShape} from '../keras/analysis/catalog';
import {readUserFile} from '../common/regular-file';
import {SpecError, oneLine} from '../common/errors';

export function checkCommand(files: string[], write: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): number {
  let errors = 0;
  for (const file of files) {
    let text: string;
    try {
      text = readUserFile(file, (problem) => new SpecError(file, '', problem), 'utf8');
    } catch (e) {
      write(`${oneLine(file)}:1:1: error: ${(e as SpecError).problem}`);
      errors++;
      continue;
    }
    const analysis = analyzeSpecText(text, file);
    for (const d of analysis.diagnostics) write(formatDiagnostic(file, text, d));
    const count = (s: string) => analysis.diagnostics.filter((d) => d.severity === s).length;
    errors += count('error');
    const model = analysis.model;
    const shape = model?.output ? `, output ${formatShape(model.output)}` : '';
    const params = model?.complete ? `, ${(model.trainable + model.nonTrainable).toLocaleString('en-US')} parameters${shape}` : '';
    write(`${oneLine(file)}: ${count('error')} error(s), ${count('warning')} warning(s)${params}`);
  }
  return errors > 0 ? 1 : 0;
}

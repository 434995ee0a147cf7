/**
 * Numeric CSV: one sample per row, a header row when the first row is not numeric. The label
 * column is chosen by name or index (default: the last column).
 */
import {DataError} from '../../common/errors';
import {readUserFile} from '../../common/regular-file';

export interface CsvTable {
  columns: string[];
  rows: number;
  /** Row-major values of every column. */
  values: Float32Array;
}

function splitLine(line: string): string[] {
  const cells: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { cur += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { cells.push(cur); cur = ''; }
    else cur += ch;
  }
  cells.push(cur);
  return cells.map((c) => c.trim());
}

/** Plain decimal numbers only, as Keras users' CSV readers take them: no hex, binary, octal, Infinity or NaN. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function isDecimal(cell: string): boolean {
  return DECIMAL.test(cell) && Number.isFinite(Number(cell));
}

/**
 * The non-blank lines of a CSV text or file, with their line numbers, found one at a time: the
 * whole file is never split into strings at once (a file's bytes and its values are what it
 * legitimately costs in memory).
 */
function* csvLines(source: string | Uint8Array): Generator<[line: string, lineNo: number]> {
  const bytes = typeof source === 'string' ? undefined : Buffer.from(source.buffer, source.byteOffset, source.byteLength);
  const length = bytes ? bytes.length : (source as string).length;
  let start = bytes && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0; // a UTF-8 byte order mark
  for (let lineNo = 1; start < length; lineNo++) {
    let end = bytes ? bytes.indexOf(0x0a, start) : (source as string).indexOf('\n', start);
    if (end < 0) end = length;
    const line = bytes ? bytes.toString('utf8', start, end) : (source as string).slice(start, end);
    start = end + 1;
    const trimmed = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (trimmed.trim() !== '') yield [trimmed, lineNo];
  }
}

export function parseCsv(source: string | Uint8Array, file: string): CsvTable {
  let lines = 0;
  for (const _ of csvLines(source)) lines++;
  if (lines === 0) throw new DataError(file, 'the CSV file is empty');
  let columns: string[] = [];
  let hasHeader = false;
  let values = new Float32Array(0);
  let r = 0;
  for (const [line, lineNo] of csvLines(source)) {
    const cells = splitLine(line);
    if (columns.length === 0) { // the first line: a header, or the first row
      hasHeader = cells.some((c) => !isDecimal(c));
      columns = hasHeader ? cells : cells.map((_, i) => `column_${i}`);
      if (hasHeader && lines === 1) throw new DataError(file, 'the CSV file has a header but no data rows');
      values = new Float32Array((hasHeader ? lines - 1 : lines) * columns.length);
      if (hasHeader) continue;
    }
    if (cells.length !== columns.length) {
      throw new DataError(file, `line ${lineNo} has ${cells.length} values, expected ${columns.length}`);
    }
    cells.forEach((cell, c) => {
      if (!isDecimal(cell)) {
        throw new DataError(file, `line ${lineNo}, column '${columns[c]}': '${cell.length > 40 ? `${cell.slice(0, 40)}...` : cell}' is not a decimal number`);
      }
      values[r * columns.length + c] = Number(cell);
    });
    r++;
  }
  return {columns, rows: r, values};
}

export function readCsv(file: string): CsvTable {
  return parseCsv(readUserFile(file, (problem) => new DataError(file, problem)), file);
}

/** Splits a table into features and the label column (by name or index; default last). */
export function splitLabel(table: CsvTable, label: string | number | undefined, file: string):
  {x: Float32Array; y: Float32Array; features: string[]} {
  const n = table.columns.length;
  let index = n - 1;
  if (typeof label === 'number') index = label < 0 ? n + label : label;
  else if (typeof label === 'string') index = table.columns.indexOf(label);
  if (index < 0 || index >= n) {
    throw new DataError(file, `label column '${label}' not found; columns: ${table.columns.join(', ')}`);
  }
  const x = new Float32Array(table.rows * (n - 1));
  const y = new Float32Array(table.rows);
  for (let r = 0; r < table.rows; r++) {
    let k = 0;
    for (let c = 0; c < n; c++) {
      const v = table.values[r * n + c];
      if (c === index) y[r] = v;
      else x[r * (n - 1) + k++] = v;
    }
  }
  return {x, y, features: table.columns.filter((_, c) => c !== index)};
}

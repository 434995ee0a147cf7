/**
 * Numeric CSV: one sample per row, a header row when the first row is not numeric. The label
 * column is chosen by name or index (default: the last column).
 */
import {DataError} from './errors';
import {readRegularFile} from '../../formats/regular-file';

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

export function parseCsv(text: string, file: string): CsvTable {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) throw new DataError(file, 'the CSV file is empty');
  const first = splitLine(lines[0]);
  const hasHeader = first.some((c) => !isDecimal(c));
  const columns = hasHeader ? first : first.map((_, i) => `column_${i}`);
  const body = hasHeader ? lines.slice(1) : lines;
  if (body.length === 0) throw new DataError(file, 'the CSV file has a header but no data rows');
  const values = new Float32Array(body.length * columns.length);
  body.forEach((line, r) => {
    const cells = splitLine(line);
    const lineNo = r + (hasHeader ? 2 : 1);
    if (cells.length !== columns.length) {
      throw new DataError(file, `line ${lineNo} has ${cells.length} values, expected ${columns.length}`);
    }
    cells.forEach((cell, c) => {
      if (!isDecimal(cell)) {
        throw new DataError(file, `line ${lineNo}, column '${columns[c]}': '${cell.length > 40 ? `${cell.slice(0, 40)}...` : cell}' is not a decimal number`);
      }
      values[r * columns.length + c] = Number(cell);
    });
  });
  return {columns, rows: body.length, values};
}

export function readCsv(file: string): CsvTable {
  let text: string;
  try {
    text = readRegularFile(file, 'utf8');
  } catch (e) {
    throw new DataError(file, `cannot read: ${(e as Error).message}`);
  }
  return parseCsv(text, file);
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

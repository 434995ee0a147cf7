/** JSON values as Python source literals (None/True/False, double-quoted strings). */
export function pythonLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return Number.isNaN(value) ? 'float("nan")' : value > 0 ? 'float("inf")' : '-float("inf")';
    return String(value);
  }
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(pythonLiteral).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${JSON.stringify(k)}: ${pythonLiteral(v)}`).join(', ')}}`;
  }
  throw new Error(`no Python literal for ${typeof value}`);
}

/**
 * JSON text inside a Python raw triple-quoted string, read back with json.loads: exact for any
 * JSON (a quote becomes \u0027, so the text can never close the string early).
 */
export function pythonJsonBlock(value: unknown): string {
  return `r'''\n${JSON.stringify(value, null, 2).replace(/'/g, '\\u0027')}\n'''`;
}

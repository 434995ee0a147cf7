/**
 * A unified diff of two texts by lines (longest common subsequence), as `diff -u` prints it, for
 * small texts such as training specs.
 */

/** Beyond this many line pairs the texts are reported as different without a diff. */
const MAX_CELLS = 16_000_000;

type Op = {kind: ' ' | '-' | '+'; line: string; a: number; b: number};

function lcsOps(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  // lengths[i][j]: LCS of a[i..] and b[j..], one typed row per i.
  const lengths = Array.from({length: n + 1}, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i][j] = a[i] === b[j] ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) ops.push({kind: ' ', line: a[i], a: i++, b: j++});
    // Removals before additions, as diff -u prints a changed line.
    else if (i < n && (j >= m || lengths[i + 1][j] >= lengths[i][j + 1])) ops.push({kind: '-', line: a[i], a: i++, b: j});
    else ops.push({kind: '+', line: b[j], a: i, b: j++});
  }
  return ops;
}

function splitLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** `--- a` / `+++ b` and hunks with `context` lines around each change; '' when the texts are equal. */
export function unifiedDiff(before: string, after: string, labels: {a: string; b: string}, context = 3): string {
  if (before === after) return '';
  const a = splitLines(before);
  const b = splitLines(after);
  const header = `--- ${labels.a}\n+++ ${labels.b}\n`;
  if (a.length * b.length > MAX_CELLS) return `${header}@@ the texts differ (${a.length} and ${b.length} lines: too long to diff here) @@\n`;
  const ops = lcsOps(a, b);
  const changed = ops.map((o, k) => (o.kind !== ' ' ? k : -1)).filter((k) => k >= 0);
  if (!changed.length) return '';
  const hunks: Array<[number, number]> = [];
  for (const k of changed) {
    const from = Math.max(0, k - context);
    const to = Math.min(ops.length, k + context + 1);
    const last = hunks.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else hunks.push([from, to]);
  }
  let out = header;
  for (const [from, to] of hunks) {
    const slice = ops.slice(from, to);
    const aCount = slice.filter((o) => o.kind !== '+').length;
    const bCount = slice.filter((o) => o.kind !== '-').length;
    const aStart = aCount ? slice.find((o) => o.kind !== '+')!.a + 1 : slice[0].a;
    const bStart = bCount ? slice.find((o) => o.kind !== '-')!.b + 1 : slice[0].b;
    out += `@@ -${aStart},${aCount} +${bStart},${bCount} @@\n`;
    for (const o of slice) out += `${o.kind}${o.line}\n`;
  }
  return out;
}

/**
 * The hostile-input suite: every generated bad input (cases.ts) gets its specific one-line error
 * naming the file (or field) and the problem, within bounded time and memory, and leaves every
 * file of its temp workspace and of the folder beside it exactly as it was. A share runs through
 * the real command line (bin/keras-workbench.js), whose stderr must be that one line.
 */
import {describe, test, after, before} from 'node:test';
import assert from 'node:assert/strict';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import {spawn} from 'child_process';
import {allCases, generateHdf5Cases, type Case, type Workspace} from './cases';
import {REPO_ROOT, tempDir} from '../test-support/fixtures';
import {initBackend} from '../engine/backend';
import {readInput} from './read-input';
import {h5wasm} from '../formats/hdf5-file';
import {WorkbenchError} from '../common/errors';

/** Bounds per case: wall time and memory (engine: resident growth kept; CLI: peak resident). */
const ENGINE_SECONDS = 20;
const CLI_SECONDS = 90;
const ENGINE_RSS_GROWTH_MB = 256;
const CLI_PEAK_RSS_MB = 600;

const root = tempDir('kw-hostile-');
const generated = path.join(root, 'generated');
const sharedOutside = path.join(root, 'generated-outside');
fs.mkdirSync(generated);
fs.mkdirSync(sharedOutside);
generateHdf5Cases(generated, sharedOutside);
after(() => fs.rmSync(root, {recursive: true, force: true}));
// Loading the backend and h5wasm once, before the clock of the first case starts.
before(async () => {
  await initBackend('cpu');
  await h5wasm();
});

/** Every file and link under `dir`: type, size and content hash (links: their target). */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (d: string) => {
    for (const name of fs.readdirSync(d)) {
      const p = path.join(d, name);
      const st = fs.lstatSync(p);
      if (st.isSymbolicLink()) out.set(p, `link ${fs.readlinkSync(p)}`);
      else if (st.isDirectory()) {
        out.set(p, 'dir');
        visit(p);
      } else if (!st.isFile()) out.set(p, 'special'); // a named pipe: reading it would block
      else out.set(p, `file ${st.size} ${crypto.createHash('sha1').update(fs.readFileSync(p)).digest('hex')}`);
    }
  };
  visit(dir);
  return out;
}

async function runEngine(c: Case, input: string, w: Workspace): Promise<{error?: Error; warnings?: string[]}> {
  const file = path.resolve(w.ws, input);
  try {
    if (c.run) {
      await c.run(input, w);
      return {};
    }
    return {warnings: await readInput(c.reader, file, w.ws)};
  } catch (e) {
    return {error: e as Error};
  }
}

function runCli(args: string[], cwd: string): Promise<{code: number | null; stdout: string; stderr: string; peakMB: number}> {
  const peakFile = path.join(root, `peak-${process.hrtime.bigint()}`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--require', path.join(__dirname, 'peak-rss.cjs'), path.join(REPO_ROOT, 'bin', 'keras-workbench.js'), ...args], {
      cwd, env: {...process.env, KW_PEAK_RSS_FILE: peakFile, KERAS_WORKBENCH_DEBUG: ''}, timeout: CLI_SECONDS * 1000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => (stderr += b));
    child.on('close', (code) => {
      const peakMB = fs.existsSync(peakFile) ? Number(fs.readFileSync(peakFile, 'utf8')) / 1024 : NaN;
      resolve({code, stdout, stderr, peakMB});
    });
  });
}

const counts = new Map<string, number>();
const cases = allCases();

async function check(c: Case, id: number): Promise<void> {
  {
    const caseRoot = path.join(root, `case-${id}`);
    const w: Workspace = {ws: path.join(caseRoot, 'ws'), outside: path.join(caseRoot, 'outside'), generated};
    fs.mkdirSync(w.ws, {recursive: true});
    fs.mkdirSync(w.outside);
    fs.writeFileSync(path.join(w.outside, 'notes.txt'), 'a file the tool must never touch');
    fs.writeFileSync(path.join(w.ws, 'notes.txt'), 'a workspace file the tool must never touch');
    const input = await c.build(w);
    const names = c.names ?? path.basename(input);
    const before = snapshot(caseRoot);
    const sharedBefore = snapshot(sharedOutside);
    const started = Date.now();
    if (c.cli) {
      const r = await runCli(c.cli(input), w.ws);
      const seconds = (Date.now() - started) / 1000;
      assert.ok(seconds < CLI_SECONDS, `took ${seconds} s`);
      assert.equal(r.code, 1, `exit code ${r.code}; stderr: ${r.stderr}`);
      const lines = r.stderr.split('\n').filter((l) => l.trim() && !l.startsWith('Backend:'));
      assert.equal(lines.length, 1, `stderr must be one line, got:\n${r.stderr.slice(0, 2000)}`);
      assert.match(lines[0], c.expect);
      assert.ok(lines[0].includes(names), `the error must name ${names}: ${lines[0]}`);
      assert.doesNotMatch(lines[0], /TypeError|RangeError|Maximum call stack|HDF5-DIAG|\bat .*:\d+:\d+\)/);
      assert.ok(r.peakMB < CLI_PEAK_RSS_MB, `peak memory ${r.peakMB.toFixed(0)} MB`);
    } else {
      const rssBefore = process.memoryUsage().rss;
      const {error, warnings} = await runEngine(c, input, w);
      const seconds = (Date.now() - started) / 1000;
      assert.ok(seconds < ENGINE_SECONDS, `took ${seconds} s`);
      const grown = (process.memoryUsage().rss - rssBefore) / 1024 / 1024;
      assert.ok(grown < ENGINE_RSS_GROWTH_MB, `resident memory grew ${grown.toFixed(0)} MB`);
      if (c.warning) {
        assert.equal(error, undefined, `must load (with a warning), got: ${error?.message}`);
        assert.equal(warnings?.length, 1, `one warning expected, got ${JSON.stringify(warnings)}`);
        assert.match(warnings![0], c.expect);
        assert.ok(warnings![0].includes(names), `the warning must name ${names}: ${warnings![0]}`);
      } else {
        assert.ok(error, 'a bad input was accepted silently');
        assert.ok(!error.message.includes('\n'), `the error must be one line: ${error.message.slice(0, 2000)}`);
        assert.match(error.message, c.expect);
        assert.ok(error.message.includes(names), `the error must name ${names}: ${error.message}`);
        assert.ok(error instanceof WorkbenchError, `a ${error.name}: ${error.message}`);
      }
    }
    assert.deepEqual(snapshot(caseRoot), before, 'files in or beside the workspace changed');
    assert.deepEqual(snapshot(sharedOutside), sharedBefore, 'the shared outside folder changed');
    const key = `${c.reader}\t${c.kind}${c.cli ? '\t(CLI)' : ''}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    fs.rmSync(caseRoot, {recursive: true, force: true});
  }
}

const title = (c: Case) => `${c.reader} / ${c.kind} / ${c.name}`;
cases.forEach((c, id) => {
  if (!c.cli) test(title(c), () => check(c, id));
});
// Command-line runs are mostly process start-up: a few at a time.
describe('through the command line', {concurrency: 3}, () => {
  cases.forEach((c, id) => {
    if (c.cli) test(title(c), () => check(c, id));
  });
});

test('the suite covers every reader and class, with at least 150 inputs', () => {
  assert.ok(cases.length >= 150, `${cases.length} cases`);
  const readers = new Set(cases.map((c) => c.reader));
  for (const r of ['hdf5', 'keras', 'tfjs', 'savedmodel', 'idx', 'npy', 'npz', 'csv', 'image', 'spec']) assert.ok(readers.has(r as never), r);
  const perReader = new Map<string, number>();
  for (const [key, count] of counts) perReader.set(key.split('\t')[0], (perReader.get(key.split('\t')[0]) ?? 0) + count);
  const lines = [...counts].sort().map(([k, v]) => `  ${k.replace(/\t/g, ' / ')}: ${v}`);
  process.stdout.write(`hostile inputs passed: ${[...counts.values()].reduce((a, b) => a + b, 0)} of ${cases.length}\n` +
    `per reader: ${[...perReader].map(([k, v]) => `${k} ${v}`).join(', ')}\n${lines.join('\n')}\n`);
});

// Everything that needs a real VS Code, for `npm test` after the unit tests:
//   1. provision code-server (cached) and Chromium,
//   2. the mocha integration suite inside the extension host (dev build of this checkout),
//   3. the packaged .vsix driven by Playwright (e2e).
// Each stage runs in its own process group (setsid) and the group is killed afterwards, together
// with every code-server group the stage recorded; a leftover process fails the run.
// Exit code: non-zero when any stage fails. Set KW_SKIP_E2E=1 or KW_SKIP_INTEGRATION=1 to skip one.
import {spawn, spawnSync} from 'node:child_process';
import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {ensureCodeServer, stopGroup} from './code-server.mjs';

const repo = resolve(import.meta.dirname, '..', '..');
const started = Date.now();
const pgidDir = mkdtempSync(join(tmpdir(), 'kw-pgids-'));

function runStage(name, script, timeoutMs) {
  return new Promise((resolveStage) => {
    const t0 = Date.now();
    console.log(`\n[run-all] ${name}: node ${script}`);
    const child = spawn('setsid', [process.execPath, join(repo, script)], {
      cwd: repo, stdio: ['ignore', 'pipe', 'inherit'], env: {...process.env, KW_PGID_DIR: pgidDir},
    });
    let output = '';
    child.stdout.on('data', (d) => { output += d; process.stdout.write(d); });
    const timer = setTimeout(() => {
      console.error(`[run-all] ${name} exceeded ${timeoutMs / 60000} min: stopping it`);
      stopGroup(child.pid);
    }, timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      stopGroup(child.pid);
      cleanupRecordedGroups();
      resolveStage({name, code: code ?? (signal ? 1 : 0), output, seconds: (Date.now() - t0) / 1000});
    });
  });
}

function cleanupRecordedGroups() {
  for (const f of readdirSync(pgidDir)) {
    stopGroup(Number(readFileSync(join(pgidDir, f), 'utf8')));
    rmSync(join(pgidDir, f));
  }
}

function leftovers() {
  const ps = spawnSync('ps', ['-eo', 'pid=,args='], {encoding: 'utf8'}).stdout;
  return ps.split('\n').filter((l) => /kw-(integration|e2e)-|keras-workbench\/code-server-/.test(l) && !l.includes(' ps '));
}

async function main() {
  spawnSync(process.execPath, [join(repo, 'scripts', 'build.mjs')], {cwd: repo, stdio: 'inherit'});
  ensureCodeServer();
  const stages = [];
  if (!process.env.KW_SKIP_INTEGRATION) stages.push(await runStage('integration', 'scripts/vscode/run-integration.mjs', 15 * 60_000));
  if (!process.env.KW_SKIP_E2E) stages.push(await runStage('e2e', 'scripts/vscode/run-e2e.mjs', 10 * 60_000));
  rmSync(pgidDir, {recursive: true, force: true});

  let passed = 0;
  let failed = 0;
  for (const s of stages) {
    if (s.name === 'integration') {
      const ok = Number(/(\d+) passing/.exec(s.output)?.[1] ?? 0);
      const bad = Number(/(\d+) failing/.exec(s.output)?.[1] ?? 0);
      passed += ok;
      failed += bad || (s.code !== 0 || ok === 0 ? 1 : 0);
    } else if (s.code === 0) passed++;
    else failed++;
    console.log(`[run-all] ${s.name}: ${s.code === 0 ? 'ok' : `FAILED (exit ${s.code})`} in ${s.seconds.toFixed(1)} s`);
  }
  const left = leftovers();
  if (left.length) {
    console.error(`[run-all] processes left behind:\n${left.join('\n')}`);
    failed++;
  }
  console.log(`[run-all] total ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`vscode: ${passed} passed, ${failed} failed`);
  process.exit(failed || stages.some((s) => s.code !== 0) ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  cleanupRecordedGroups();
  process.exit(1);
});

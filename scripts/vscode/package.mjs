// Packages the extension into a .vsix with vsce (offline), after a production build.
import {spawnSync} from 'node:child_process';
import {mkdirSync, readFileSync, statSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {tmpdir} from 'node:os';
import {unzipSync} from 'fflate';

const repo = resolve(import.meta.dirname, '..', '..');

export function packageVsix(out = join(repo, '.test-artifacts', 'keras-workbench.vsix')) {
  mkdirSync(join(repo, '.test-artifacts'), {recursive: true});
  const env = {...process.env, npm_config_cache: join(tmpdir(), 'kw-vsce-npm-cache'), npm_config_update_notifier: 'false'};
  const steps = [
    [process.execPath, [join(repo, 'scripts', 'build.mjs'), '--production']],
    [process.execPath, [join(repo, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-update-package-json',
      '--allow-missing-repository', '--skip-license', '--no-rewrite-relative-links', '--out', out]],
  ];
  for (const [cmd, args] of steps) {
    const r = spawnSync(cmd, args, {cwd: repo, env, stdio: ['ignore', 'inherit', 'inherit']});
    if (r.status !== 0) throw new Error(`${args.slice(0, 2).join(' ')} failed (${r.status ?? r.signal})`);
  }
  const maps = sourceMapsIn(out);
  if (maps.length > 0) throw new Error(`${out} carries source maps (.vscodeignore must exclude them): ${maps.join(', ')}`);
  const mb = statSync(out).size / 1024 / 1024;
  console.log(`[package] ${out}: ${mb.toFixed(2)} MB`);
  return out;
}

/** Entries of a .vsix (a zip) that are source maps: they ship our sources and weigh megabytes. */
export function sourceMapsIn(vsix) {
  const maps = [];
  unzipSync(readFileSync(vsix), {filter: (entry) => {
    if (entry.name.endsWith('.map')) maps.push(entry.name);
    return false;
  }});
  return maps;
}

if (import.meta.url === `file://${process.argv[1]}`) packageVsix(process.argv[2]);

// `npm run bench`: runs the benchmark from the TypeScript sources (see src/bench/main.ts).
// BENCH_STEPS=N changes the number of timed training steps (default 10).
import {spawnSync} from 'node:child_process';

const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/bench/main.ts', ...process.argv.slice(2)], {stdio: 'inherit'});
process.exit(r.status ?? 1);

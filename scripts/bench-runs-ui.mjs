// Runs benchmark: the Runs view filling in for 1,000 runs (listing run.json files, the tree model
// and its items, as the extension does) and a comparison of 10 runs x 100 epochs drawn in the
// comparison webview in headless Chromium. Run: npm run bench:runs-ui
import {spawnSync} from 'node:child_process';

const r = spawnSync(process.execPath, ['--import', 'tsx', 'test/e2e/runs-bench.ts'], {stdio: 'inherit'});
process.exit(r.status ?? 1);

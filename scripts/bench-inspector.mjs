// Inspector benchmark on the reference MNIST CNN (15,955,210 parameters):
//   1. "Open Inspector" -> the layer table visible (the webview page loads, renders the summary),
//   2. click on a test sample -> its prediction shown (webview -> host router -> JSON-RPC -> worker
//      predict -> back -> DOM), measured inside the page from the click event to the DOM update,
//   3. Layers tab, "Show activations" for a test sample -> the layer's feature maps drawn (the frame
//      after the DOM update), for the first Conv2D (32 maps) and the largest (128), and a redraw alone.
// Runs the webview in headless Chromium with the real host router and worker handlers in this
// process (the browser harness of test/e2e/inspector-harness.ts); VS Code's own postMessage hop
// is not included. Run: npm run bench:inspector   (first run trains the model briefly, ~1 min)
import {spawnSync} from 'node:child_process';

const r = spawnSync(process.execPath, ['--import', 'tsx', 'test/e2e/inspector-bench.ts'], {stdio: 'inherit'});
process.exit(r.status ?? 1);

#!/usr/bin/env node
// Entry of `npx keras-workbench`: runs the bundled CLI, building it first on a fresh checkout.
const path = require('path');
const fs = require('fs');
const bundle = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(bundle)) {
  require('child_process').execFileSync(process.execPath, [path.join(__dirname, '..', 'scripts', 'build.mjs')], {
    cwd: path.join(__dirname, '..'), stdio: 'inherit',
  });
}
const cli = require(bundle);
cli.installFatalHandlers();
cli.main(process.argv.slice(2)).then((code) => process.exit(code));

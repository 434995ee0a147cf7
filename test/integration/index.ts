/**
 * Entry of the integration suite inside the real extension host (`extensionTestsPath`): runs
 * every bundled `*.test.js` beside this file with mocha and fails the run on any failure.
 */
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ui: 'tdd', color: false, timeout: 120_000, reporter: 'spec'});
  const grep = process.env.KERAS_WORKBENCH_TEST_GREP;
  if (grep) mocha.grep(grep);
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
  });
}

/**
 * The command line's grammar on the real table: every command's --help lists the options it
 * declares, every option it does not declare is refused naming the option and the command, bad
 * values are one line with exit status 1 (in process, and once through the real `node` process).
 */
import {runMain} from '../test-support/cli';
import {test} from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'path';
import {spawnSync} from 'child_process';
import {REPO_ROOT} from '../test-support/fixtures';
import {COMMANDS} from './main';
import {command, flatten, type CommandTable} from './args';

const run = runMain;

const commands = flatten(COMMANDS);
const everyOption = new Set(commands.flatMap(([, c]) => Object.keys(c.options ?? {})));

test('every command\'s --help shows its usage and each option it declares, and the program\'s --help shows them all', async () => {
  const all = await run(['--help']);
  assert.equal(all.code, 0);
  for (const [name, cmd] of commands) {
    const help = await run([...name.split(' '), '--help']);
    assert.equal(help.code, 0, name);
    assert.equal(help.err, '');
    assert.ok(help.out.startsWith(`Usage: keras-workbench ${name}`), help.out);
    assert.match(all.out, new RegExp(`^  ${name} `, 'm'));
    for (const [option, spec] of Object.entries(cmd.options ?? {})) {
      const row = new RegExp(`^ +(-${spec.short}, )?--${option}${spec.type === 'boolean' ? '' : ` ${spec.value}`} +\\S`, 'm');
      assert.match(help.out, row, `${name} --help lists --${option}`);
      assert.match(all.out, row, `--help lists --${option} of ${name}`);
    }
    assert.match(help.out, /^ +-h, --help +Show this help\.$/m);
    assert.equal((await run([...name.split(' '), '-h'])).out, help.out);
  }
});

test('an option a command does not take is refused, naming the option and the command', async () => {
  for (const [name, cmd] of commands) {
    const foreign = [...everyOption].filter((o) => !(o in (cmd.options ?? {}))).concat('no-such-option', 'constructor');
    for (const option of foreign) {
      const r = await run([...name.split(' '), 'some-operand', `--${option}`, 'x']);
      assert.equal(r.code, 1, `${name} --${option}`);
      assert.equal(r.out, '');
      assert.equal(r.err, `keras-workbench ${name}: --${option} is not an option of ${name}; keras-workbench ${name} --help lists its options\n`);
    }
  }
  // The two options that were silently ignored.
  assert.match((await run(['train', 'a.train.json', '--format', 'h5'])).err, /^keras-workbench train: --format is not an option of train;/);
  assert.match((await run(['predict', 'm.h5', '--format=h5'])).err, /^keras-workbench predict: --format is not an option of predict;/);
  assert.match((await run(['export-keras', 'a.train.json', '-x'])).err, /^keras-workbench export-keras: -x is not an option of export-keras;/);
});

test('bad values, missing values and operands, unknown commands: one line, exit status 1', async () => {
  const cases: [string[], string][] = [
    [['train', 'a.train.json', '--epochs', 'x'], 'keras-workbench train: --epochs: expected a whole number, got \'x\''],
    [['train', 'a.train.json', '--epochs=2.5'], 'keras-workbench train: --epochs: expected a whole number, got \'2.5\''],
    [['evaluate', 'm.h5', '--limit', '-3'], 'keras-workbench evaluate: --limit: expected a whole number, got \'-3\''],
    [['predict', 'm.h5', '--sample', '1', '--sample', 'two'], 'keras-workbench predict: --sample: expected a whole number, got \'two\''],
    [['predict', 'm.h5', '--top-k', '0'], 'keras-workbench predict: --top-k: expected a whole number of at least 1, got \'0\''],
    [['predict', 'm.h5', '--scale', '1/0'], 'keras-workbench predict: --scale: expected a number or a fraction such as 1/255, got \'1/0\''],
    [['summary', 'm.h5', '--backend', 'gpu'], 'keras-workbench summary: --backend: expected auto, native, wasm or cpu, got \'gpu\''],
    [['train', 'a.train.json', '--out'], 'keras-workbench train: --out: missing value (PATH)'],
    [['train', 'a.train.json', '--epochs', '--resume'], 'keras-workbench train: --epochs: missing value (N)'],
    [['train', 'a.train.json', '--resume=yes'], 'keras-workbench train: --resume: takes no value, got \'yes\''],
    [['export-keras', 'a.train.json', '-o'], 'keras-workbench export-keras: -o (--out): missing value (FILE)'],
    [['train'], 'keras-workbench train: missing SPEC (a *.train.json file)'],
    [['check'], 'keras-workbench check: missing SPEC (one or more *.train.json files)'],
    [['convert', 'in.h5'], 'keras-workbench convert: missing OUT (the file or folder to write)'],
    [['summary', 'a.h5', 'b.h5'], 'keras-workbench summary: unexpected argument \'b.h5\' after MODEL'],
    [['trian', 'a.train.json'], 'keras-workbench: unknown command \'trian\' (did you mean train?); keras-workbench --help lists the commands'],
    [['--verbose', 'train'], 'keras-workbench: --verbose: a command comes first (keras-workbench COMMAND --verbose); keras-workbench --help lists the commands'],
  ];
  for (const [args, line] of cases) {
    const r = await run(args);
    assert.deepEqual({code: r.code, err: r.err, out: r.out}, {code: 1, err: `${line}\n`, out: ''}, args.join(' '));
  }
  const bare = await run([]);
  assert.equal(bare.code, 1);
  assert.match(bare.err, /^Usage: keras-workbench <command>/);
});

test('subcommands: a group\'s commands parse their own options; the group\'s --help lists them', async () => {
  const calls: unknown[] = [];
  const table: CommandTable = {
    runs: {
      summary: 'Recorded runs.',
      subcommands: {
        show: command({summary: 'One run.', operands: {ID: 'a run id'}, options: {last: {type: 'whole', value: 'N', description: 'Last N epochs.'}},
          run: ({operands, values}) => { calls.push(['show', operands, values.last]); return 0; }}),
        rm: command({summary: 'Remove runs.', operands: {'ID...': 'run ids'}, run: ({operands}) => { calls.push(['rm', operands]); return 0; }}),
      },
    },
  };
  assert.equal((await run(['runs', 'show', 'r1', '--last', '4'], table)).code, 0);
  assert.equal((await run(['runs', 'rm', 'r1', 'r2'], table)).code, 0);
  assert.deepEqual(calls, [['show', ['r1'], 4], ['rm', ['r1', 'r2']]]);
  const help = await run(['runs', '--help'], table);
  assert.match(help.out, /^  runs show ID +One run\.\n    --last N +Last N epochs\.\n  runs rm ID\.\.\. +Remove runs\.$/m);
  assert.match((await run(['--help'], table)).out, /^  runs show ID +One run\.$/m);
  assert.match((await run(['runs', 'show', '--help'], table)).out, /^Usage: keras-workbench runs show ID \[options\]/);
  assert.equal((await run(['runs', 'show', 'r1', '--last', 'x'], table)).err, 'keras-workbench runs show: --last: expected a whole number, got \'x\'\n');
  assert.equal((await run(['runs', 'rm', 'r1', '--last', '1'], table)).err,
    'keras-workbench runs rm: --last is not an option of runs rm; keras-workbench runs rm --help lists its options\n');
  assert.equal((await run(['runs', 'list'], table)).err, 'keras-workbench runs: unknown subcommand \'list\': show, rm; keras-workbench runs --help shows them\n');
  assert.equal((await run(['runs'], table)).err, 'keras-workbench runs: missing subcommand: show, rm; keras-workbench runs --help shows them\n');
});

test('the real process: a usage error is one line on stderr and exit status 1; --help exits 0', () => {
  const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'src/cli/main.ts'), ...args],
    {cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000});
  const bad = cli('train', 'examples/mnist-cnn.train.json', '--epochs', 'x');
  assert.deepEqual([bad.status, bad.stdout, bad.stderr], [1, '', 'keras-workbench train: --epochs: expected a whole number, got \'x\'\n']);
  const foreign = cli('predict', 'model.h5', '--format', 'tfjs');
  assert.deepEqual([foreign.status, foreign.stderr], [1, 'keras-workbench predict: --format is not an option of predict; keras-workbench predict --help lists its options\n']);
  const help = cli('train', '--help');
  assert.equal(help.status, 0, help.stderr);
  assert.match(help.stdout, /^ +--epochs N +Override fit\.epochs\.$/m);
});

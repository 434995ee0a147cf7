import {test} from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {resolveRunsFolder} from './folder';

test('the runs folder resolves against the workspace; a symlink leaving it is refused only in an untrusted workspace', () => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-runs-folder-'));
  const workspace = path.join(base, 'ws');
  const outside = path.join(base, 'elsewhere');
  fs.mkdirSync(workspace);
  fs.mkdirSync(outside);
  fs.symlinkSync(outside, path.join(workspace, 'runs'));
  fs.mkdirSync(path.join(workspace, 'mine'));
  assert.deepEqual(resolveRunsFolder(workspace, 'mine', false), {folder: path.join(workspace, 'mine')});
  assert.deepEqual(resolveRunsFolder(workspace, '', true), {folder: path.join(workspace, 'runs')}, 'empty means the default');
  assert.deepEqual(resolveRunsFolder(workspace, 'runs', true), {folder: path.join(workspace, 'runs')});
  assert.match(resolveRunsFolder(workspace, 'runs', false).problem ?? '', /^The runs folder runs leads outside the workspace .*untrusted workspace/);
  assert.match(resolveRunsFolder(workspace, '../elsewhere', false).problem ?? '', /outside the workspace/);
  assert.deepEqual(resolveRunsFolder(workspace, 'not-yet/there', false), {folder: path.join(workspace, 'not-yet', 'there')}, 'a folder not made yet is fine');
  fs.rmSync(base, {recursive: true, force: true});
});

/**
 * Where the runs are: the `kerasWorkbench.runs.folder` setting resolved against the workspace
 * folder. In an untrusted workspace the runs folder must stay inside the workspace by real path
 * (a symlinked `runs` could point the view, and Delete Record, anywhere on the disk).
 */
import * as path from 'path';
import {isInsideByRealPath} from '../../common/confine';

export type RunsFolder = {folder: string; problem?: undefined} | {folder?: undefined; problem: string};

export function resolveRunsFolder(workspaceRoot: string, setting: string, trusted: boolean): RunsFolder {
  const name = setting.trim() || 'runs';
  const folder = path.resolve(workspaceRoot, name);
  if (!trusted && !isInsideByRealPath(workspaceRoot, folder)) {
    return {problem: `The runs folder ${name} leads outside the workspace (${folder}, symlinks resolved): it is not read in an untrusted workspace. Trust the workspace to use it.`};
  }
  return {folder};
}

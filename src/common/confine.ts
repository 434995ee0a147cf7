/**
 * Containment by real path: a path is inside a folder only when it is after every symlink on
 * the way is resolved (a link inside a model folder or a workspace may point anywhere).
 */
import * as fs from 'fs';
import * as path from 'path';

/** The real path of `p`; for a path that does not exist yet, its deepest existing ancestor's real path plus the rest. */
export function realPathOf(p: string): string {
  const absolute = path.resolve(p);
  const rest: string[] = [];
  let at = absolute;
  for (;;) {
    try {
      return path.join(fs.realpathSync.native(at), ...rest.reverse());
    } catch {
      const parent = path.dirname(at);
      if (parent === at) return absolute;
      rest.push(path.basename(at));
      at = parent;
    }
  }
}

/** Whether `p` (symlinks resolved) is `root` or lies below it (symlinks resolved). */
export function isInsideByRealPath(root: string, p: string): boolean {
  const rel = path.relative(realPathOf(root), realPathOf(p));
  return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel));
}

/**
 * Adapter to the save-target rules (what the engine refuses to replace). The full rules live in
 * src/formats/save-target.ts (the safe-save work); until that is merged this keeps the minimal
 * ones: the target must stay inside the workspace and must not be the workspace itself or a
 * folder holding the spec or its data.
 */
import * as fs from 'fs';
import * as path from 'path';

export interface SaveTargetContext {
  workspaceRoot?: string;
  protectedPaths?: string[];
  format?: 'tfjs' | 'h5' | 'keras';
}

function real(p: string): string {
  let current = path.resolve(p);
  const rest: string[] = [];
  while (!fs.existsSync(current) && path.dirname(current) !== current) {
    rest.unshift(path.basename(current));
    current = path.dirname(current);
  }
  try {
    return path.join(fs.realpathSync(current), ...rest);
  } catch {
    return path.resolve(p);
  }
}

function inside(outer: string, inner: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

export function saveTargetProblem(target: string, context: SaveTargetContext = {}): string | undefined {
  const resolved = real(target);
  if (context.workspaceRoot !== undefined) {
    const root = real(context.workspaceRoot);
    if (resolved === root) return `${target}: is the workspace folder; a save replaces its target. Choose a path inside it (e.g. models/my-model).`;
    if (!inside(root, resolved)) return `${target}: is outside the workspace (${root}); saves stay inside the workspace.`;
  }
  for (const p of context.protectedPaths ?? []) {
    const guarded = real(p);
    if (guarded === resolved) return `${target}: is ${p}, which training reads; a save must not replace it.`;
    if (inside(resolved, guarded)) return `${target}: holds ${p}, which training reads; a save there would delete it.`;
  }
  return undefined;
}

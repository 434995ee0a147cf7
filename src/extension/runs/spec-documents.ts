/**
 * "Open Spec as it was": the spec text a run recorded, as a read-only virtual document
 * (`keras-run:/<run id, URI-encoded>/<spec name>`), which is also what Diff Specs compares.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import type {RunRecord} from '../../formats/runs/record';

export const RUN_SPEC_SCHEME = 'keras-run';

export function specSnapshotUri(run: Pick<RunRecord, 'id' | 'spec'>): vscode.Uri {
  return vscode.Uri.from({scheme: RUN_SPEC_SCHEME, path: `/${encodeURIComponent(run.id)}/${specFileName(run)}`});
}

/** The spec's file name (`mnist-cnn.train.json`: the editor picks the spec language by it). */
export function specFileName(run: Pick<RunRecord, 'spec'>): string {
  return run.spec?.path ? path.basename(run.spec.path) : 'spec.train.json';
}

export class RunSpecDocuments implements vscode.TextDocumentContentProvider {
  constructor(private readonly readRun: (id: string) => Promise<RunRecord>) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const id = decodeURIComponent(uri.path.split('/')[1] ?? '');
    const run = await this.readRun(id);
    if (typeof run.spec?.text !== 'string') throw new Error(`Run ${id} recorded no spec text.`);
    return run.spec.text;
  }
}

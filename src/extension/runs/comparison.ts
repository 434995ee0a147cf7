/**
 * The comparison panel's host side, apart from VS Code (the browser tests drive the same code):
 * reads the compared runs' records, gives each run its colour (its place in the selection), sends
 * them when the page is ready, sends a run again when its record changes (a running training
 * finished an epoch) and passes "Diff Specs" on.
 */
import type {RunRecord} from '../../formats/runs/record';
import type {ComparedRun, RunsHostToWebview, RunsWebviewToHost} from '../../protocol/runs';
import {comparedRun} from './adapt';

export interface ComparisonHooks {
  workspaceRoot: string;
  readRun(id: string): Promise<RunRecord>;
  post(message: RunsHostToWebview): void;
  diffSpecs(left: string, right: string): void | Promise<void>;
  /** A record that cannot be read (removed, damaged): one line for the user. */
  warn(message: string): void;
  onMark?(name: string, at: number): void;
}

export class Comparison {
  private ids: string[] = [];
  private runs: ComparedRun[] = [];

  constructor(private readonly hooks: ComparisonHooks) {}

  get runIds(): readonly string[] {
    return this.ids;
  }

  /** Shows these runs (in this order: the first gets the first colour). */
  async show(ids: readonly string[]): Promise<ComparedRun[]> {
    this.ids = [...new Set(ids)];
    const read = await Promise.all(this.ids.map((id, i) => this.read(id, i)));
    this.runs = read.filter((r): r is ComparedRun => r !== undefined);
    this.hooks.post({type: 'runs', runs: this.runs});
    return this.runs;
  }

  /** Runs whose record changed on disk: those compared here are read and sent again. */
  async changed(ids: Iterable<string>): Promise<void> {
    for (const id of ids) {
      const i = this.ids.indexOf(id);
      if (i < 0) continue;
      const run = await this.read(id, i);
      if (!run) continue;
      const at = this.runs.findIndex((r) => r.id === id);
      if (at >= 0) this.runs[at] = run;
      this.hooks.post({type: 'run', run});
    }
  }

  async handle(message: RunsWebviewToHost): Promise<void> {
    switch (message?.type) {
      case 'ready':
        this.hooks.post({type: 'runs', runs: this.runs});
        return;
      case 'diffSpecs':
        if (this.ids.includes(message.left) && this.ids.includes(message.right)) await this.hooks.diffSpecs(message.left, message.right);
        return;
      case 'mark':
        this.hooks.onMark?.(message.name, message.at);
        return;
    }
  }

  private async read(id: string, colour: number): Promise<ComparedRun | undefined> {
    try {
      return comparedRun(await this.hooks.readRun(id), colour, this.hooks.workspaceRoot);
    } catch (e) {
      this.hooks.warn(`Run ${id} cannot be compared: ${(e as Error).message}`);
      return undefined;
    }
  }
}

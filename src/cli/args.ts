/**
 * The command line's grammar: each command declares its operands and options once, as data; the
 * same declaration parses the arguments (Node's util.parseArgs), checks them (an option the
 * command does not take, a missing value, a value of the wrong kind: one line naming the option
 * and the command) and writes `--help`.
 */
import {parseArgs} from 'util';

export interface OptionSpec {
  /** `whole`: a non-negative integer; `number`: a decimal number or a fraction such as 1/255. */
  readonly type: 'boolean' | 'string' | 'whole' | 'number';
  readonly description: string;
  /** The value's name in the help (`--epochs N`). */
  readonly value?: string;
  readonly short?: string;
  /** May be given more than once; the values arrive in order. */
  readonly multiple?: boolean;
  /** The values a string option accepts. */
  readonly choices?: readonly string[];
  /** The smallest value a number option accepts. */
  readonly min?: number;
  readonly default?: string | number | boolean;
}

export type OptionTable = Readonly<Record<string, OptionSpec>>;

type Scalar<S> = S extends {type: 'boolean'} ? boolean : S extends {type: 'whole' | 'number'} ? number
  : S extends {choices: readonly (infer C)[]} ? C : string;
type Value<S> = S extends {multiple: true} ? Scalar<S>[] : Scalar<S>;

/** Parsed option values by name: present when given or declared with a default. */
export type Values<O extends OptionTable> = {-readonly [K in keyof O]: O[K] extends {default: unknown} ? Value<O[K]> : Value<O[K]> | undefined};

export interface Invocation<O extends OptionTable> {
  values: Values<O>;
  /** The operands in the order declared; the last holds every remaining one when it is repeatable (`SPEC...`). */
  operands: string[];
  /** The options the user gave (a default does not count). */
  given: ReadonlySet<keyof O & string>;
}

export interface Command<O extends OptionTable = OptionTable> {
  /** One line for the command list. */
  readonly summary: string;
  /** More about the command, shown by its own --help as written (line breaks included). */
  readonly description?: string;
  /** Operand names (`SPEC`, `IN`, `OUT`; `SPEC...` for one or more) and what each is, in order. */
  readonly operands?: Readonly<Record<string, string>>;
  readonly options?: O;
  readonly run: (invocation: Invocation<O>) => Promise<number> | number;
}

/** A command with subcommands (`runs show ID`). */
export interface CommandGroup {
  readonly summary: string;
  readonly subcommands: Readonly<Record<string, Command>>;
}

export type CommandTable = Readonly<Record<string, Command | CommandGroup>>;

/** Declares a command; its run function sees the values typed as its options declare them. */
export function command<const O extends OptionTable>(spec: Command<O>): Command {
  return spec as unknown as Command;
}

/** A mistake in the arguments: reported as one line, exit status 1. */
export class UsageError extends Error {}

/** Options every command takes; the dispatcher handles them. */
export const GLOBAL_OPTIONS = {
  verbose: {type: 'boolean', description: 'Print library diagnostics and stacks of errors (debug log) on stderr.'},
  help: {type: 'boolean', short: 'h', description: 'Show this help.'},
} as const satisfies OptionTable;

const PROGRAM = 'keras-workbench';

const flag = (name: string) => `--${name}`;

function listed(words: readonly string[], conjunction = 'or'): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} ${conjunction} ${words.at(-1)}`;
}

function parseValue(name: string, spec: OptionSpec, text: string): string | number {
  const wrong = (expected: string) => new UsageError(`${flag(name)}: expected ${expected}, got '${text}'`);
  if (spec.type === 'string') {
    if (spec.choices && !spec.choices.includes(text)) throw wrong(listed(spec.choices));
    return text;
  }
  let n: number;
  if (spec.type === 'whole') {
    n = /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
    if (!Number.isSafeInteger(n)) throw wrong('a whole number');
  } else {
    const m = /^\s*([0-9.eE+-]+)\s*(?:\/\s*([0-9.eE+-]+))?\s*$/.exec(text);
    n = m ? Number(m[1]) / (m[2] === undefined ? 1 : Number(m[2])) : NaN;
    if (!Number.isFinite(n)) throw wrong('a number or a fraction such as 1/255');
  }
  if (spec.min !== undefined && n < spec.min) throw wrong(`${spec.type === 'whole' ? 'a whole number' : 'a number'} of at least ${spec.min}`);
  return n;
}

/**
 * The arguments after the command's name, checked against its declaration. Throws UsageError
 * naming the option (and the caller names the command) for anything the command does not take.
 */
export function parseInvocation(name: string, cmd: Command, args: string[]): Invocation<OptionTable> & {help: boolean; verbose: boolean} {
  const options: OptionTable = {...cmd.options, ...GLOBAL_OPTIONS};
  // Not strict: every token is judged here, so the messages name the option and the command.
  const {tokens} = parseArgs({
    args, strict: false, allowPositionals: true, tokens: true,
    options: Object.fromEntries(Object.entries(options).map(([n, s]) => [n, {type: s.type === 'boolean' ? 'boolean' : 'string', ...(s.short ? {short: s.short} : {})}])),
  });
  if (tokens.some((t) => t.kind === 'option' && t.name === 'help')) {
    return {values: {}, operands: [], given: new Set(), help: true, verbose: false};
  }
  const values: Record<string, unknown> = {};
  const given = new Set<string>();
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') {
      positionals.push(token.value);
      continue;
    }
    if (token.kind !== 'option') continue;
    const optionName = token.name;
    const spec = Object.hasOwn(options, optionName) ? options[optionName] : undefined;
    if (!spec) throw new UsageError(`${token.rawName} is not an option of ${name}; ${PROGRAM} ${name} --help lists its options`);
    const shown = token.rawName.startsWith('--') ? token.rawName : `${token.rawName} (${flag(optionName)})`;
    if (spec.type === 'boolean') {
      if (token.inlineValue) throw new UsageError(`${shown}: takes no value, got '${token.value}'`);
      values[optionName] = true;
    } else {
      // An option-like word after the option is a forgotten value, not the value (write --out=-x for that).
      if (token.value === undefined || (!token.inlineValue && token.value.startsWith('-') && !/^-[0-9.]/.test(token.value))) {
        throw new UsageError(`${shown}: missing value (${spec.value ?? 'VALUE'})`);
      }
      const value = parseValue(optionName, spec, token.value);
      values[optionName] = spec.multiple ? [...(values[optionName] as unknown[] ?? []), value] : value;
    }
    given.add(optionName);
  }
  for (const [optionName, spec] of Object.entries(options)) {
    if (values[optionName] === undefined && spec.default !== undefined) values[optionName] = spec.multiple ? [spec.default] : spec.default;
  }
  const operands = operandsOf(cmd, positionals);
  const verbose = values.verbose === true;
  delete values.verbose;
  return {values: values as Values<OptionTable>, operands, given, help: false, verbose};
}

function operandsOf(cmd: Command, positionals: string[]): string[] {
  const declared = Object.keys(cmd.operands ?? {});
  const repeatable = declared.at(-1)?.endsWith('...') ?? false;
  const missing = declared.slice(positionals.length).map((n) => n.replace(/\.\.\.$/, ''));
  if (missing.length) {
    const first = missing[0]!;
    const what = cmd.operands![declared[positionals.length]!];
    throw new UsageError(`missing ${first}${what ? ` (${what})` : ''}`);
  }
  if (!repeatable && positionals.length > declared.length) {
    throw new UsageError(`unexpected argument '${positionals[declared.length]}'${declared.length ? ` after ${declared.join(' ')}` : ''}`);
  }
  return positionals;
}

// ---- help ----

const WIDTH = 100;
const COLUMN = 28;

function wrap(text: string, indent: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && indent + line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.join(`\n${' '.repeat(indent)}`);
}

/** `  left        description`, the description wrapped at one column. */
function row(left: string, description: string): string {
  const pad = left.length + 2 <= COLUMN ? ' '.repeat(COLUMN - left.length) : `\n${' '.repeat(COLUMN)}`;
  return `${left}${pad}${wrap(description, COLUMN)}`;
}

function optionRow(name: string, spec: OptionSpec, indent: string): string {
  const value = spec.type === 'boolean' ? '' : ` ${spec.value ?? 'VALUE'}`;
  const left = `${indent}${spec.short ? `-${spec.short}, ` : ''}${flag(name)}${value}`;
  const notes = [
    spec.choices && !spec.description.includes(spec.choices.join(' | ')) ? spec.choices.join(' | ') : '',
    spec.multiple ? 'repeatable' : '',
    spec.default !== undefined && spec.type !== 'boolean' ? `default: ${spec.default}` : '',
  ].filter(Boolean);
  return row(left, notes.length ? `${spec.description.replace(/\.$/, '')} (${notes.join('; ')}).` : spec.description);
}

function usageLine(name: string, cmd: Command): string {
  const operands = Object.keys(cmd.operands ?? {}).join(' ');
  return `${name}${operands ? ` ${operands}` : ''}`;
}

/** Every command, subcommands as `group sub`, in table order. */
export function flatten(table: CommandTable): [string, Command][] {
  return Object.entries(table).flatMap(([name, entry]) => 'subcommands' in entry
    ? Object.entries(entry.subcommands).map(([sub, cmd]): [string, Command] => [`${name} ${sub}`, cmd])
    : [[name, entry] as [string, Command]]);
}

/**
 * `keras-workbench --help`: every command with the options only it takes; options several
 * commands share (the same declaration) are listed once, after the commands that take them.
 */
export function programHelp(table: CommandTable, footer: string): string {
  const commands = flatten(table);
  const users = new Map<OptionSpec, string[]>();
  for (const [name, cmd] of commands) for (const spec of Object.values(cmd.options ?? {})) users.set(spec, [...users.get(spec) ?? [], name]);
  const lines = [`Usage: ${PROGRAM} <command> [options]`, '', 'Commands:'];
  for (const [name, cmd] of commands) {
    lines.push(row(`  ${usageLine(name, cmd)}`, cmd.summary));
    for (const [option, spec] of Object.entries(cmd.options ?? {})) if (users.get(spec)!.length === 1) lines.push(optionRow(option, spec, '    '));
  }
  const shared = new Map<string, string[]>();
  for (const [name, cmd] of commands) {
    for (const [option, spec] of Object.entries(cmd.options ?? {})) {
      const who = users.get(spec)!;
      if (who.length < 2 || who[0] !== name) continue;
      const key = listed(who, 'and');
      shared.set(key, [...shared.get(key) ?? [], optionRow(option, spec, '    ')]);
    }
  }
  for (const [who, rows] of shared) lines.push('', `Options of ${who}:`, ...rows);
  lines.push('', 'Options of every command:', ...Object.entries(GLOBAL_OPTIONS).map(([n, s]) => optionRow(n, s, '  ')));
  lines.push('', `${PROGRAM} COMMAND --help shows one command.`, footer);
  return lines.join('\n');
}

/** `keras-workbench COMMAND --help`. */
export function commandHelp(name: string, cmd: Command | CommandGroup): string {
  if ('subcommands' in cmd) {
    const subs = Object.entries(cmd.subcommands);
    return [`Usage: ${PROGRAM} ${name} <${subs.map(([s]) => s).join('|')}> ...`, '', wrap(cmd.summary, 0), '',
      ...subs.flatMap(([sub, c]) => [row(`  ${usageLine(`${name} ${sub}`, c)}`, c.summary),
        ...Object.entries(c.options ?? {}).map(([n, s]) => optionRow(n, s, '    '))]),
      '', 'Options of every command:', ...Object.entries(GLOBAL_OPTIONS).map(([n, s]) => optionRow(n, s, '  '))].join('\n');
  }
  const operands = Object.entries(cmd.operands ?? {});
  return [
    `Usage: ${PROGRAM} ${usageLine(name, cmd)}${Object.keys(cmd.options ?? {}).length ? ' [options]' : ''}`, '',
    wrap(cmd.summary, 0), ...(cmd.description ? ['', cmd.description] : []),
    ...(operands.length ? ['', ...operands.map(([n, d]) => row(`  ${n}`, d))] : []),
    '', 'Options:', ...Object.entries({...cmd.options, ...GLOBAL_OPTIONS}).map(([n, s]) => optionRow(n, s, '  ')),
  ].join('\n');
}

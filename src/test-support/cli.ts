/** The command line in this process, as tests run it: exit status and what it wrote to stdout and stderr. */
import {main} from '../cli/main';
import type {CommandTable} from '../cli/args';

export async function runMain(args: string[], table?: CommandTable): Promise<{code: number; out: string; err: string}> {
  const write = process.stderr.write.bind(process.stderr);
  const out = process.stdout.write.bind(process.stdout);
  let o = '', e = '';
  process.stderr.write = ((chunk: string) => { e += chunk; return true; }) as typeof process.stderr.write;
  process.stdout.write = ((chunk: string) => { o += chunk; return true; }) as typeof process.stdout.write;
  try {
    return {code: await main(args, table), out: o, err: e};
  } finally {
    process.stderr.write = write;
    process.stdout.write = out;
  }
}

/**
 * SPI calculator CLI: npm run spi -- <indicators.csv> [--out spi.csv] [--framework framework.json]
 *
 * Thin wrapper around src/domain/spi/calculate.ts: reads files, prints messages prefixed with the
 * file name, writes atomically (temp file + rename) so a failed run never leaves half an output.
 * Without --out the CSV goes to stdout. Exit codes: 0 ok, 1 invalid input, 2 bad usage.
 */

import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runSpiCalculator } from '../../src/domain/spi/calculate';
import { DEFAULT_SPI_FRAMEWORK, parseFramework, type SpiFramework } from '../../src/domain/spi/schema';

const USAGE = `usage: npm run spi -- <indicators.csv> [--out spi.csv] [--framework framework.json]

Computes ward SPI scores (0-100) from a long table of indicator values.
Input columns: ward_code, ward_name (optional), year, indicator, component, direction
(higher_is_better|higher_is_worse), best, worst, value, weight (optional). See docs/spi.md.`;

interface Args {
  input: string;
  out?: string;
  framework?: string;
}

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): Args {
  let input: string | undefined;
  let out: string | undefined;
  let framework: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--out' || a === '-o' || a === '--framework') {
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} needs a file name`);
      if (a === '--framework') framework = v;
      else out = v;
      i++;
    } else if (a.startsWith('--out=')) out = a.slice(6);
    else if (a.startsWith('--framework=')) framework = a.slice(12);
    else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else if (input === undefined) input = a;
    else throw new UsageError(`unexpected argument ${a}`);
  }
  if (input === undefined) throw new UsageError('no input file given');
  const args: Args = { input };
  if (out !== undefined) args.out = out;
  if (framework !== undefined) args.framework = framework;
  return args;
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new InputError([`${path}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)})`]);
  }
}

export class InputError extends Error {
  constructor(readonly messages: string[]) {
    super(messages.join('\n'));
  }
}

function loadFramework(path: string | undefined): SpiFramework {
  if (path === undefined) return DEFAULT_SPI_FRAMEWORK;
  let json: unknown;
  try {
    json = JSON.parse(readText(path));
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError([`${path}: not valid JSON (${(e as Error).message})`]);
  }
  const { framework, errors } = parseFramework(json);
  if (!framework) throw new InputError(errors.map((m) => `${path}: ${m}`));
  return framework;
}

/** Write via a temp file in the same directory, then rename (atomic on one filesystem). */
export function writeAtomic(path: string, text: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text, 'utf8');
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** Run the CLI; returns the exit code (no process.exit, so tests can call it). */
export function main(argv: readonly string[], io: { out: (s: string) => void; err: (s: string) => void }): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(`${USAGE}\n`);
    return 0;
  }
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`spi: ${e.message}\n${USAGE}\n`);
    return 2;
  }
  try {
    const framework = loadFramework(args.framework);
    const result = runSpiCalculator(readText(args.input), framework);
    for (const w of result.warnings) io.err(`${args.input}: warning: ${w.message}\n`);
    if (result.csv === null) throw new InputError(result.errors.map((e) => `${args.input}: ${e.message}`));
    if (args.out === undefined) {
      io.out(result.csv);
    } else {
      writeAtomic(resolve(args.out), result.csv);
      const years = [...new Set(result.rows.map((r) => r.year))].join(', ');
      io.err(`spi: wrote ${result.rows.length} ward-year rows (years ${years}) to ${args.out}\n`);
    }
    return 0;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    for (const m of e.messages) io.err(`${m}\n`);
    io.err('spi: no output written\n');
    return 1;
  }
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  process.exitCode = main(process.argv.slice(2), {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
  });
}

/**
 * `npm run bench:growth`: how cost grows with the area (issue 15). Runs the benchmark once per council
 * (default: Rutland, Blackpool, Leeds, Birmingham — 23 to 640 LSOAs) with `--json --area CODE`, then
 * times `build:sites -- all`, and writes the table into docs/performance.md between the growth markers.
 *
 *   npm run bench:growth                      the four councils, 5 cold loads and 10 switches each, + all councils
 *   npm run bench:growth -- E06000017 …       other councils
 *   options: --no-all-councils (skip the every-council build), --dry-run (print, do not write the docs)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './builds';
import { timeAllCouncilsBuild } from './data-build';
import {
  GROWTH_MARKERS,
  growthMarkdown,
  growthRowFrom,
  machineLine,
  type AllCouncilsFigures,
  type GrowthRow,
} from './growth-report';
import { replaceBetweenMarkers } from './report';
import { log } from './bench-setup';

const DEFAULT_COUNCILS = ['E06000017', 'E06000009', 'E08000035', 'E08000025'];
const BENCH_ARGS = ['--json', '--runs', '5', '--switches', '10', '--hovers', '3'];

/** One bench run as a child process (its progress goes to our stderr); resolves with its parsed JSON. */
function benchJson(code: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const tsx = path.join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const child = spawn(
      process.execPath,
      [tsx, path.join(REPO_ROOT, 'scripts', 'bench', 'bench.ts'), ...BENCH_ARGS, '--area', code],
      {
        cwd: REPO_ROOT,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (exit) => {
      try {
        resolve(JSON.parse(out));
      } catch {
        reject(new Error(`bench for ${code} exited with ${exit} and printed no JSON`));
      }
    });
  });
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const dryRun = args.includes('--dry-run');
  const withAll = !args.includes('--no-all-councils');
  const codes = args.filter((a) => !a.startsWith('--'));
  const councils = codes.length > 0 ? codes : DEFAULT_COUNCILS;

  const rows: GrowthRow[] = [];
  let machine = '';
  for (const code of councils) {
    log(`growth: ${code} …`);
    const json = await benchJson(code);
    rows.push(growthRowFrom(json, code));
    machine ||= machineLine(json);
  }

  let all: AllCouncilsFigures | null = null;
  if (withAll) {
    log('growth: npm run build:sites -- all …');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'atlas-growth-sites-'));
    try {
      const r = await timeAllCouncilsBuild(dir);
      all = {
        councils: readdirSync(dir).filter((d) => /^E0\d{7}$/.test(d)).length,
        wallS: r.wallMs / 1000,
        peakMb: r.peakRss / 1024 ** 2,
        ok: r.ok,
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  const section = growthMarkdown(rows, all, {
    date: new Date().toISOString(),
    machine,
    settings: `bench ${BENCH_ARGS.filter((a) => a !== '--json').join(' ')} per council`,
  });
  process.stdout.write(`${section}\n`);
  if (!dryRun) {
    const doc = path.join(REPO_ROOT, 'docs', 'performance.md');
    writeFileSync(
      doc,
      replaceBetweenMarkers(readFileSync(doc, 'utf8'), section, GROWTH_MARKERS, 'docs/performance.md'),
    );
    log('docs/performance.md: growth table rewritten');
  }
  return all && !all.ok ? 1 : 0;
}

try {
  process.exitCode = await main();
} catch (e) {
  process.stderr.write(`bench:growth: error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
}

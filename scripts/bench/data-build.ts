/**
 * Times `npm run build:data` (and `build:sites -- all`) as a child process writing to a temporary folder,
 * so public/geo/ and dist/ are left alone, and measures its peak memory two ways:
 *  - GNU time's "Maximum resident set size" (exact, but the largest single process of the tree);
 *  - the whole process tree's RSS summed from /proc every 25 ms (covers npm + tsx + node together,
 *    but a sample can miss a short spike).
 * The budget uses the larger of the two.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { REPO_ROOT } from './builds';

export interface DataBuildResult {
  ok: boolean;
  exitCode: number | null;
  wallMs: number;
  /** GNU time -v maximum RSS of the largest process in the tree, bytes (null without /usr/bin/time). */
  maxRssLargestProcess: number | null;
  /** Sampled peak of the summed RSS of the whole process tree, bytes. */
  peakRssTreeSampled: number;
  /** The larger of the two, bytes. */
  peakRss: number;
  /** Last lines of the build's output (for the report when it fails). */
  tail: string[];
}

function childrenOf(pid: number): number[] {
  try {
    const tasks = readdirSync(`/proc/${pid}/task`);
    return tasks.flatMap((t) => {
      try {
        return readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
      } catch {
        return [];
      }
    });
  } catch {
    return [];
  }
}

function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m?.[1] ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

function treeRss(root: number): number {
  let total = 0;
  const stack = [root];
  const seen = new Set<number>();
  while (stack.length > 0) {
    const pid = stack.pop() as number;
    if (seen.has(pid)) continue;
    seen.add(pid);
    total += rssOf(pid);
    stack.push(...childrenOf(pid));
  }
  return total;
}

/** `npm run build:data` for the area (default: the build's default, Leeds) into outDir. */
export function timeDataBuild(outDir: string, area: string | null): Promise<DataBuildResult> {
  return timeNpmScript(['build:data'], { ATLAS_OUT_DIR: outDir, ...(area ? { ATLAS_AREA: area } : {}) }, 180_000);
}

/** `npm run build:sites -- all` (every English council) into sitesDir. */
export function timeAllCouncilsBuild(sitesDir: string): Promise<DataBuildResult> {
  return timeNpmScript(['build:sites', '--', 'all'], { ATLAS_SITES_DIR: sitesDir }, 30 * 60_000);
}

async function timeNpmScript(
  script: string[],
  env: Record<string, string>,
  timeoutMs: number,
): Promise<DataBuildResult> {
  const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
  const npmArgs = ['run', '--silent', ...script];
  const [cmd, args] = gnuTime ? [gnuTime, ['-v', 'npm', ...npmArgs]] : ['npm', npmArgs];
  const started = performance.now();
  const child = spawn(cmd, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  let peakTree = 0;
  const sampler = setInterval(() => {
    if (child.pid) peakTree = Math.max(peakTree, treeRss(child.pid));
  }, 25);
  const killer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const exitCode = await new Promise<number | null>((resolve) => {
    child.on('error', () => resolve(null));
    child.on('close', (code) => resolve(code));
  });
  const wallMs = performance.now() - started;
  clearInterval(sampler);
  clearTimeout(killer);

  let maxRss: number | null = null;
  let timeLines: string[] = [];
  if (gnuTime) {
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(err);
    if (m?.[1]) maxRss = Number(m[1]) * 1024;
    const i = err.indexOf('\tCommand being timed');
    if (i >= 0) {
      timeLines = err.slice(i).split('\n');
      err = err.slice(0, i);
    }
  }
  const exitMatch = /Exit status: (\d+)/.exec(timeLines.join('\n'));
  const code = gnuTime && exitMatch?.[1] ? Number(exitMatch[1]) : exitCode;
  const tail = `${out}\n${err}`
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l && !l.startsWith('npm warn'))
    .slice(-8);
  return {
    ok: code === 0,
    exitCode: code,
    wallMs,
    maxRssLargestProcess: maxRss,
    peakRssTreeSampled: peakTree,
    peakRss: Math.max(maxRss ?? 0, peakTree),
    tail,
  };
}

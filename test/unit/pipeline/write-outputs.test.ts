import { spawnSync } from 'node:child_process';
import * as nodeFs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PipelineError } from '../../../scripts/pipeline/errors';
import { writeAtomically, type OutputFs } from '../../../scripts/pipeline/write-outputs';
import { dataDir } from './helpers/data-dir';
import { tempDir } from './helpers/synthetic';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** An output folder holding a previous build (a.json, b.json) and a file that is not an output. */
function previousBuild(): string {
  const dir = tempDir('write-out');
  nodeFs.writeFileSync(path.join(dir, 'a.json'), 'old a');
  nodeFs.writeFileSync(path.join(dir, 'b.json'), 'old b');
  nodeFs.writeFileSync(path.join(dir, 'keep.txt'), 'not an output');
  return dir;
}

const NEW_FILES = [
  { name: 'a.json', content: 'new a' },
  { name: 'b.json', content: 'new b' },
  { name: 'c.json', content: 'new c' },
];

function contents(dir: string): Record<string, string> {
  return Object.fromEntries(
    nodeFs
      .readdirSync(dir)
      .sort()
      .map((f) => [f, nodeFs.readFileSync(path.join(dir, f), 'utf8')]),
  );
}

/** The real file system, except that the `n`-th call of `op` throws. */
function failingFs(op: 'renameSync' | 'writeFileSync' | 'mkdtempSync', n: number): OutputFs {
  let calls = 0;
  const fs: OutputFs = {
    mkdirSync: (d, o) => nodeFs.mkdirSync(d, o),
    mkdtempSync: (p) => nodeFs.mkdtempSync(p),
    writeFileSync: (f, c) => nodeFs.writeFileSync(f, c),
    renameSync: (a, b) => nodeFs.renameSync(a, b),
    rmSync: (t, o) => nodeFs.rmSync(t, o),
    existsSync: (t) => nodeFs.existsSync(t),
    readdirSync: (d) => nodeFs.readdirSync(d),
  };
  const real = fs[op] as (...args: never[]) => unknown;
  return {
    ...fs,
    [op]: (...args: never[]) => {
      calls += 1;
      if (calls === n) throw new Error(`synthetic ${op} failure`);
      return real(...args);
    },
  };
}

function expectFailure(run: () => void, pattern: RegExp): void {
  let error: unknown;
  try {
    run();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(PipelineError);
  const message = (error as PipelineError).message;
  expect(message).toMatch(pattern);
  expect(message.split('\n')).toHaveLength(1);
}

describe('writeAtomically: stage everything, then swap; clean up on every failure', () => {
  it('replaces the outputs, keeps other files, leaves no temp folders', () => {
    const dir = previousBuild();
    writeAtomically(dir, NEW_FILES);
    expect(contents(dir)).toEqual({
      'a.json': 'new a',
      'b.json': 'new b',
      'c.json': 'new c',
      'keep.txt': 'not an output',
    });
  });

  it('a failing rename half-way through the swap: previous outputs back, no new file, no temp folder', () => {
    for (const n of [1, 2, 3, 4, 5]) {
      const dir = previousBuild();
      const before = contents(dir);
      expectFailure(
        () => writeAtomically(dir, NEW_FILES, failingFs('renameSync', n)),
        /cannot swap in the outputs \(synthetic renameSync failure\); previous outputs kept$/,
      );
      expect(contents(dir), `rename ${n}`).toEqual(before);
    }
  });

  it('a failing write or temp folder: previous outputs untouched, no temp folder', () => {
    for (const [op, n] of [
      ['writeFileSync', 2],
      ['mkdtempSync', 1],
      ['mkdtempSync', 2],
    ] as const) {
      const dir = previousBuild();
      const before = contents(dir);
      expectFailure(
        () => writeAtomically(dir, NEW_FILES, failingFs(op, n)),
        new RegExp(`cannot write outputs \\(synthetic ${op} failure\\); previous outputs kept$`),
      );
      expect(contents(dir), `${op} ${n}`).toEqual(before);
    }
  });

  it('a failing mkdir (the output path is under a file): one-line error', () => {
    const dir = tempDir('write-out');
    nodeFs.writeFileSync(path.join(dir, 'a-file'), '');
    expectFailure(
      () => writeAtomically(path.join(dir, 'a-file', 'geo'), NEW_FILES),
      /a-file\/geo: cannot create the output folder \(ENOTDIR: .*\); previous outputs kept$/,
    );
  });

  it('temp folders left by a killed run are removed', () => {
    const dir = previousBuild();
    nodeFs.mkdirSync(path.join(dir, '.staging-killed'));
    nodeFs.writeFileSync(path.join(dir, '.staging-killed', 'a.json'), 'half');
    writeAtomically(dir, NEW_FILES);
    expect(Object.keys(contents(dir))).toEqual(['a.json', 'b.json', 'c.json', 'keep.txt']);
  });

  it('npm run build:data with an output folder that cannot be made: a one-line message, exit 1, no stack trace', () => {
    const dir = tempDir('write-out');
    nodeFs.writeFileSync(path.join(dir, 'a-file'), '');
    const r = spawnSync(
      path.join(ROOT, 'node_modules', '.bin', 'tsx'),
      [path.join(ROOT, 'scripts/cli/build-data.ts')],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, ATLAS_DATA_DIR: dataDir, ATLAS_OUT_DIR: path.join(dir, 'a-file', 'geo') },
      },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.stderr.trim().split('\n')).toEqual([
      'build:data failed — previous outputs left unchanged:',
      expect.stringMatching(
        /a-file\/geo: cannot create the output folder \(ENOTDIR: not a directory, mkdir .*\); previous outputs kept$/,
      ),
    ]);
  }, 120_000);
});

import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST_PLACEHOLDER } from '../../../scripts/build/precache-plugin';
import { REPO_ROOT } from '../../../scripts/pipeline/config';
import { buildSites, isFinishedSite } from '../../../scripts/sites/build-sites';
import { tempDir } from '../pipeline/helpers/synthetic';
import { fakeSteps, SYN_COUNCILS } from './helpers/fake-steps';

/**
 * build:sites never leaves a half-made site in the served folder, and its index lists exactly the
 * finished sites (issue 19.6). The vite build and the pipeline are stand-ins (helpers/fake-steps.ts):
 * what is tested is where the run puts things, whatever happens to it.
 */
const tsx = path.join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const [one, two, three] = SYN_COUNCILS as [
  (typeof SYN_COUNCILS)[number],
  (typeof SYN_COUNCILS)[number],
  (typeof SYN_COUNCILS)[number],
];

/** A served folder in a parent of its own, so whatever a run leaves beside it shows. */
function servedFolder(): { parent: string; outDir: string } {
  const parent = tempDir('sites-run');
  return { parent, outDir: path.join(parent, 'served') };
}

/** The council codes the index links to. */
const indexed = (outDir: string): string[] =>
  [...readFileSync(path.join(outDir, 'index.html'), 'utf8').matchAll(/href="\.\/(E\d{8})\/"/g)].map((m) => m[1] ?? '');

/** An earlier run's complete site for a council, marked so a test can tell it was kept. */
function earlierSite(outDir: string, code: string): void {
  mkdirSync(path.join(outDir, code, 'geo'), { recursive: true });
  for (const f of ['index.html', 'sw.js', 'geo/metadata.json'])
    writeFileSync(path.join(outDir, code, f), 'earlier run\n');
}

function expectComplete(outDir: string, code: string): void {
  const site = path.join(outDir, code);
  expect(isFinishedSite(site)).toBe(true);
  expect(readFileSync(path.join(site, 'index.html'), 'utf8')).toContain(
    SYN_COUNCILS.find((c) => c.code === code)?.name ?? '?',
  );
  expect(readFileSync(path.join(site, 'sw.js'), 'utf8')).not.toContain(MANIFEST_PLACEHOLDER);
  expect(readFileSync(path.join(site, '_headers'), 'utf8')).toContain(`(${code})`);
}

describe('build:sites: the served folder', () => {
  it('gets every council as a complete site, an index of them, and nothing else', async () => {
    const { parent, outDir } = servedFolder();
    mkdirSync(path.join(outDir, '.app'), { recursive: true }); // a template left by a run before this layout
    const r = await buildSites({ outDir, councils: [one, two], districts: SYN_COUNCILS, steps: fakeSteps() });
    expect(r.built.map((c) => c.code)).toEqual([one.code, two.code]);
    for (const c of [one, two]) expectComplete(outDir, c.code);
    expect(readdirSync(outDir).sort()).toEqual(
      [one.code, two.code, 'index.html', 'sites.css', 'sites.js', 'sites.json'].sort(),
    );
    // The list each atlas reads to link a peer ward's atlas only where it was built.
    expect(JSON.parse(readFileSync(path.join(outDir, 'sites.json'), 'utf8'))).toEqual({
      councils: [one.code, two.code],
    });
    expect(indexed(outDir)).toEqual([one.code, two.code]);
    expect(readdirSync(parent)).toEqual(['served']);
  });

  it('keeps a failed council out (and its earlier site in), and the index lists what is there', async () => {
    const { parent, outDir } = servedFolder();
    earlierSite(outDir, two.code);
    const r = await buildSites({
      outDir,
      councils: [one, two, three],
      districts: SYN_COUNCILS,
      steps: fakeSteps({ failFor: two.code }),
    });
    expect(r.failed).toEqual([`${two.code} ${two.name}: synthetic source: made to fail for ${two.code}`]);
    expectComplete(outDir, one.code);
    expectComplete(outDir, three.code);
    expect(readFileSync(path.join(outDir, two.code, 'index.html'), 'utf8')).toBe('earlier run\n');
    expect(indexed(outDir)).toEqual([one.code, two.code, three.code]);
    expect(readdirSync(parent)).toEqual(['served']);
  });

  it('killed partway: the sites finished are in and indexed, the one being built is not, its earlier site kept', async () => {
    const { parent, outDir } = servedFolder();
    earlierSite(outDir, three.code);
    // In this process (not tsx's CLI, which would run it in a child): the kill is of the run itself.
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(import.meta.dirname, 'helpers', 'killed-run.ts'), outDir, two.code],
      { cwd: REPO_ROOT, encoding: 'utf8' },
    );
    expect(r.signal).toBe('SIGKILL');
    expectComplete(outDir, one.code);
    expect(readdirSync(outDir).sort()).toEqual(
      [one.code, three.code, 'index.html', 'sites.css', 'sites.js', 'sites.json'].sort(),
    );
    expect(JSON.parse(readFileSync(path.join(outDir, 'sites.json'), 'utf8'))).toEqual({
      councils: [one.code, three.code],
    });
    expect(readFileSync(path.join(outDir, three.code, 'index.html'), 'utf8')).toBe('earlier run\n');
    expect(indexed(outDir)).toEqual([one.code, three.code]);
    // The killed run's staging is beside the served folder, never in it; the next run clears it.
    const left = readdirSync(parent).filter((n) => n !== 'served');
    expect(left).toHaveLength(1);
    expect(readdirSync(path.join(parent, left[0] ?? ''))).toContain('.app');
    await buildSites({ outDir, councils: [two], districts: SYN_COUNCILS, steps: fakeSteps() });
    expectComplete(outDir, two.code);
    expect(indexed(outDir)).toEqual([one.code, two.code, three.code]);
    expect(readdirSync(parent)).toEqual(['served']);
  });
});

describe('build:sites at the command line: an unwritable sites folder', () => {
  it('prints one line with the cause and exits 1, before building anything', () => {
    const parent = tempDir('sites-unwritable');
    // A path under a regular file cannot be made (ENOTDIR), as root too (a read-only folder does not stop root).
    writeFileSync(path.join(parent, 'a-file'), 'synthetic\n');
    const r = spawnSync(process.execPath, [tsx, 'scripts/cli/build-sites.ts', 'E08000032'], {
      cwd: REPO_ROOT,
      env: { ...process.env, ATLAS_SITES_DIR: path.join(parent, 'a-file', 'sites') },
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^build:sites: .*a-file\/sites.*cannot write the sites folder \(ENOTDIR: not a directory/);
    expect(readdirSync(parent)).toEqual(['a-file']);
  });
});

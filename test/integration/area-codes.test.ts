import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAreaCode, englishDistricts } from '../../scripts/pipeline/area-codes';
import { REPO_ROOT } from '../../scripts/pipeline/config';
import { tempDir } from '../unit/pipeline/helpers/synthetic';

const dataDir = path.resolve(REPO_ROOT, process.env.ATLAS_DATA_DIR ?? path.join('..', 'shared', 'data'));
const tsx = path.join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

describe('ATLAS_AREA: the 296 English districts', () => {
  it('lists exactly the E06/E07/E08/E09 districts of the Dec 2024 list', () => {
    const all = englishDistricts(dataDir);
    expect(all).toHaveLength(296);
    expect(all.every((d) => /^E0[6-9]\d{6}$/.test(d.code) && d.name !== '')).toBe(true);
    expect(checkAreaCode('E08000032', dataDir)).toEqual({ code: 'E08000032', name: 'Bradford' });
  });

  it.each([
    ['Welsh', 'W06000015'],
    ['region, not a district', 'E12000003'],
    ['unknown', 'E08999999'],
    ['empty', ''],
    ['lower case', 'e08000035'],
  ])('refuses a %s code in one line that says what a valid code looks like and where the list is', (_, code) => {
    expect(() => checkAreaCode(code, dataDir)).toThrowError(/E06…\/E07…\/E08…\/E09….*lad_dec2024_uk_buc\.topojson/);
  });
});

/** Runs a CLI with ATLAS_AREA set; the output folder holds earlier outputs that must survive. */
function runCli(
  script: string,
  env: Record<string, string>,
  args: string[] = [],
): { status: number | null; stderr: string; dir: string; before: string } {
  const dir = tempDir('bad-area');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'metadata.json'), '{"previous":"outputs"}\n');
  const before = readdirSync(dir).join(',');
  const r = spawnSync(process.execPath, [tsx, script, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ATLAS_DATA_DIR: dataDir, ATLAS_OUT_DIR: dir, ATLAS_SITES_DIR: dir, ...env },
    encoding: 'utf8',
  });
  return { status: r.status, stderr: r.stderr, dir, before };
}

describe('bad ATLAS_AREA at the command line', () => {
  it.each([['W06000015'], ['E99999999'], ['']])(
    'build:data with ATLAS_AREA="%s": exit 1, one line, nothing written',
    (code) => {
      const r = runCli('scripts/cli/build-data.ts', { ATLAS_AREA: code });
      expect(r.status).toBe(1);
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/ATLAS_AREA.*E08000035.*lad_dec2024_uk_buc\.topojson/);
      expect(readdirSync(r.dir).join(',')).toBe(r.before);
      expect(readFileSync(path.join(r.dir, 'metadata.json'), 'utf8')).toBe('{"previous":"outputs"}\n');
    },
  );

  it('build:sites with an unknown code: exit 1 before building anything', () => {
    const r = runCli('scripts/cli/build-sites.ts', {}, ['E08000032', 'W06000015']);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/W06000015/);
    expect(readdirSync(r.dir).join(',')).toBe(r.before);
  });
});

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSpiCsv } from '../../../src/domain/spi/parse';
import { FIXTURES } from './helpers';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const CLI = join(ROOT, 'scripts', 'cli', 'spi.ts');
const tmp = mkdtempSync(join(tmpdir(), 'spi-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(TSX, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run spi (end to end)', () => {
  it('computes the synthetic fixture into --out, atomically', () => {
    const out = join(tmp, 'spi.csv');
    const r = run(join(FIXTURES, 'synthetic-indicators.csv'), '--out', out);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('spi: wrote 6 ward-year rows (years 2022, 2023)');
    // the fixture's deliberate gaps are reported, prefixed with the file name
    expect(r.stderr).toMatch(
      /synthetic-indicators\.csv: warning: ward E05999903, year 2022: component 'access_to_information_and_communications' left empty/,
    );
    expect(r.stderr).toMatch(
      /synthetic-indicators\.csv: warning: indicator 'synthetic_crime_per_1000': 1 value\(s\) beyond best\/worst were clamped/,
    );

    const text = readFileSync(out, 'utf8');
    const lines = text.trimEnd().split('\r\n');
    expect(lines).toHaveLength(7);
    expect(lines).toContain('E05999901,Synthetic Ward A,2023,59.06,77.19,55,45,80,90,63.75,75,70,60,50,40,30,40,50,60');
    // Ward C 2022 has a missing indicator → component, its dimension and the overall index are empty
    expect(lines).toContain('E05999903,Synthetic Ward C,2022,,68.13,,65,40,90,82.5,60,90,,90,40,90,40,90,40');
    expect(readdirSync(tmp).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    // The output is a valid SPI file for the parser (round trip).
    const wards = ['A', 'B', 'C'].map((c, i) => ({ code: `E0599990${i + 1}`, name: `Synthetic Ward ${c}` }));
    const parsed = parseSpiCsv(text, wards);
    expect(parsed.errors).toEqual([]);
    expect(parsed.data!.rows).toHaveLength(6);
  });

  it('writes to stdout without --out', () => {
    const r = run(join(FIXTURES, 'synthetic-indicators.csv'));
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith('ward_code,ward_name,year,spi,')).toBe(true);
  });

  it('bad input: names file, row and field, exits 1 and leaves the old output untouched', () => {
    const bad = join(tmp, 'bad-indicators.csv');
    writeFileSync(
      bad,
      'ward_code,ward_name,year,indicator,component,direction,best,worst,value\n' +
        'E05999901,Synthetic Ward A,2023,x,shelter,higher_is_better,100,0,10\n' +
        'E05999901,Synthetic Ward A,2023,y,shelter,higher_is_better,100,0,abc\n',
    );
    const out = join(tmp, 'keep.csv');
    writeFileSync(out, 'OLD');
    const r = run(bad, '--out', out);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${bad}: row 3, column 'value': 'abc' is not a number`);
    expect(r.stderr).toContain('spi: no output written');
    expect(readFileSync(out, 'utf8')).toBe('OLD');
  });

  it('missing file and bad usage', () => {
    const missing = join(tmp, 'nope.csv');
    const r = run(missing, '--out', join(tmp, 'x.csv'));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${missing}: cannot read the file (ENOENT)`);
    expect(existsSync(join(tmp, 'x.csv'))).toBe(false);
    const u = run('--out');
    expect(u.status).toBe(2);
    expect(u.stderr).toContain('spi: --out needs a file name');
    expect(run().stderr).toContain('spi: no input file given');
  });

  it('takes component names from --framework', () => {
    const fw = join(tmp, 'framework.json');
    writeFileSync(
      fw,
      JSON.stringify({
        dimensions: [
          { id: 'basic_human_needs', label: 'Basic Human Needs', components: [{ id: 'housing', label: 'Housing' }] },
        ],
      }),
    );
    const input = join(tmp, 'mini.csv');
    writeFileSync(
      input,
      'ward_code,year,indicator,component,direction,best,worst,value\nE05999901,2023,x,Housing,higher_is_worse,0,10,4\n',
    );
    const r = run(input, '--framework', fw);
    expect(r.status).toBe(0);
    // housing = 100 × (4 − 10)/(0 − 10) = 60 → dimension 60 → spi 60
    expect(r.stdout).toBe('ward_code,ward_name,year,spi,basic_human_needs,housing\r\nE05999901,,2023,60,60,60\r\n');
  });
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSpiFromSources } from '../../../scripts/pipeline/spi';
import { LEEDS_WARDS_DEC2024 } from '../../fixtures/spi/leeds-wards';
import { fixture, spiCsv, SYNTHETIC_WARDS } from './helpers';

const root = mkdtempSync(join(tmpdir(), 'spi-sources-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function sources(name: string, csv?: string, framework?: unknown): string {
  const dir = join(root, name);
  mkdirSync(join(dir, 'spi'), { recursive: true });
  if (csv !== undefined) writeFileSync(join(dir, 'spi', 'leeds_spi_wards.csv'), csv);
  if (framework !== undefined) writeFileSync(join(dir, 'spi', 'framework.json'), JSON.stringify(framework));
  return dir;
}

describe('readSpiFromSources', () => {
  it('returns null when there is no SPI file (the app shows "no SPI data loaded")', () => {
    expect(readSpiFromSources(sources('empty'), LEEDS_WARDS_DEC2024)).toBeNull();
  });

  it('parses a valid file into the JSON for public/geo/spi.json', () => {
    const warnings: string[] = [];
    const dir = sources('good', fixture('synthetic-leeds-wards-TEST-ONLY.csv'));
    const data = readSpiFromSources(dir, LEEDS_WARDS_DEC2024, { onWarning: (m) => warnings.push(m) })!;
    expect(data.rows).toHaveLength(66);
    expect(data.years).toEqual([2022, 2023]);
    expect(data.source).toBe('spi/leeds_spi_wards.csv');
    expect(data.notes).toEqual(['SYNTHETIC TEST DATA - not real scores']);
    expect(warnings).toEqual([]);
  });

  it('reports unmatched rows and other warnings', () => {
    const warnings: string[] = [];
    const dir = sources(
      'unmatched',
      spiCsv([
        { code: 'E05999901', name: 'Synthetic Ward A', year: '2023' },
        { code: 'E08000035', name: 'Leeds', year: '2023' },
      ]),
    );
    readSpiFromSources(dir, SYNTHETIC_WARDS.slice(0, 1), { onWarning: (m) => warnings.push(m) });
    expect(warnings).toEqual([
      `${join(dir, 'spi/leeds_spi_wards.csv')}: warning: row 3 left out: ward code 'E08000035' is not in the ward list and ward name 'Leeds' matches no ward`,
    ]);
  });

  it('throws an Error naming the file, row and column', () => {
    const dir = sources(
      'bad',
      spiCsv([{ code: 'E05999901', name: 'Synthetic Ward A', year: '2023', set: { shelter: 'abc' } }]),
    );
    const file = join(dir, 'spi/leeds_spi_wards.csv');
    expect(() => readSpiFromSources(dir, SYNTHETIC_WARDS)).toThrow(
      `${file}: row 2, column 'shelter': 'abc' is not a number`,
    );
  });

  it('uses spi/framework.json when present, and rejects a bad one', () => {
    const fw = { dimensions: [{ id: 'needs', label: 'Needs', components: [{ id: 'housing', label: 'Housing' }] }] };
    const csv = 'ward_code,ward_name,year,spi,needs,housing\nE05999901,Synthetic Ward A,2023,40,40,40\n';
    const data = readSpiFromSources(sources('fw', csv, fw), SYNTHETIC_WARDS, { onWarning: () => {} })!;
    expect(data.framework.dimensions[0]!.components[0]!.label).toBe('Housing');
    expect(data.rows[0]!.scores).toEqual({ spi: 40, needs: 40, housing: 40 });
    expect(() => readSpiFromSources(sources('badfw', csv, { dimensions: [] }), SYNTHETIC_WARDS)).toThrow(
      "'dimensions' must be a non-empty array",
    );
  });
});

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDir } from '../pipeline/helpers/data-dir';
import { parseCsv } from '../../../src/domain/spi/csv';
import { parseSpiCsv } from '../../../src/domain/spi/parse';
import { SYNTHETIC_NAME_SUFFIX, SYNTHETIC_NOTE, syntheticLeedsCsv } from '../../fixtures/spi/generate-synthetic-leeds';
import { LEEDS_WARDS_DEC2024 } from '../../fixtures/spi/leeds-wards';
import { fixture } from './helpers';

// The real ward lookup in the source mirror (ATLAS_DATA_DIR): required, so a missing mirror fails
// the test instead of skipping it.
const SHARED_LOOKUP = path.join(dataDir, 'lookups', 'ward_community_committee_leeds_compiled.csv');

describe('synthetic-leeds-wards-TEST-ONLY.csv', () => {
  const text = fixture('synthetic-leeds-wards-TEST-ONLY.csv');

  it('is exactly what the generator writes', () => {
    expect(text).toBe(syntheticLeedsCsv());
  });

  it('labels every row as synthetic, in the name and the note', () => {
    const [header, ...rows] = parseCsv(text).records;
    const note = header!.cells.indexOf('note');
    expect(rows).toHaveLength(66);
    for (const r of rows) {
      expect(r.cells[1]!.endsWith(SYNTHETIC_NAME_SUFFIX)).toBe(true);
      expect(r.cells[note]).toBe(SYNTHETIC_NOTE);
    }
  });

  it('parses cleanly against the 33 Leeds wards, 2 years each', () => {
    const r = parseSpiCsv(text, LEEDS_WARDS_DEC2024);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.unmatched).toEqual([]);
    expect(r.data!.years).toEqual([2022, 2023]);
    expect(new Set(r.data!.rows.map((x) => x.wardCode)).size).toBe(33);
    expect(r.data!.notes).toEqual([SYNTHETIC_NOTE]);
  });

  it('uses the ward codes and names of the shared lookup', () => {
    expect(existsSync(SHARED_LOOKUP), `${SHARED_LOOKUP} (set ATLAS_DATA_DIR)`).toBe(true);
    const [, ...rows] = parseCsv(readFileSync(SHARED_LOOKUP, 'utf8')).records;
    const lookup = rows
      .map((r) => ({ code: r.cells[0]!, name: r.cells[1]! }))
      .sort((a, b) => a.code.localeCompare(b.code));
    expect(lookup).toEqual([...LEEDS_WARDS_DEC2024]);
  });
});

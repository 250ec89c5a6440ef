import { describe, expect, it } from 'vitest';
import { areaSet } from '../../../src/domain/area-set';
import { propsTable } from '../../../src/domain/area-profile';
import {
  codeListCheck,
  fromBase64Url,
  parseAreaLink,
  serialiseAreaLink,
  toBase64Url,
} from '../../../src/domain/custom-area/area-link';
import { comparisonRows, overlappingWards } from '../../../src/domain/custom-area/compare';
import { parsePastedList, resolvePastedList } from '../../../src/domain/custom-area/paste';
import { parseSavedAreas, serialiseSavedAreas, withSavedArea } from '../../../src/domain/custom-area/saved-areas';

/** A synthetic council of 488 LSOAs (E01999000…E01999487 do not exist). */
const council = Array.from({ length: 488 }, (_, i) => `E01999${String(i).padStart(3, '0')}`);

describe('area link', () => {
  it('base64url round-trips bytes of every length and rejects bad text', () => {
    for (let n = 0; n < 8; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + 13) & 255);
      expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
    }
    expect(toBase64Url(new Uint8Array([251, 255]))).toBe('-_8');
    expect(fromBase64Url('ab$c')).toBeNull();
    expect(fromBase64Url('abcde')).toBeNull();
    expect(fromBase64Url('AB')).toBeNull(); // leftover bits not zero
  });

  it('round-trips any set over a 488-LSOA council in under 100 characters', () => {
    const sets = [[council[0]!], council.filter((_, i) => i % 3 === 0), [...council], [council[487]!, council[8]!]];
    for (const s of sets) {
      const link = serialiseAreaLink(s, council);
      expect(link.length).toBeLessThan(100);
      expect(parseAreaLink(link, council)).toEqual({ ok: true, codes: [...s].sort() });
    }
  });

  it('refuses another council, a truncated or malformed link, bits past the last code and an empty set', () => {
    const link = serialiseAreaLink([council[5]!], council);
    const other = council.slice(0, 487).concat('E01999999');
    expect(parseAreaLink(link, other)).toEqual({ ok: false, error: 'other-council' });
    expect(parseAreaLink(link.slice(0, -4), council)).toEqual({ ok: false, error: 'truncated' });
    expect(parseAreaLink(`${link}AAAA`, council)).toEqual({ ok: false, error: 'unknown-codes' });
    expect(parseAreaLink('nonsense', council)).toEqual({ ok: false, error: 'malformed' });
    expect(parseAreaLink(`${codeListCheck(council)}.%%`, council)).toEqual({ ok: false, error: 'malformed' });
    // 488 = 61 × 8: a 9-code council leaves 7 spare bits; setting one names an LSOA that is not there.
    const nine = council.slice(0, 9);
    const bytes = new Uint8Array([0, 0x40]);
    expect(parseAreaLink(`${codeListCheck(nine)}.${toBase64Url(bytes)}`, nine)).toEqual({
      ok: false,
      error: 'unknown-codes',
    });
    expect(parseAreaLink(serialiseAreaLink([], council), council)).toEqual({ ok: false, error: 'empty' });
  });
});

describe('pasted lists', () => {
  it('sorts lines into LSOA codes, postcodes and lines not understood, with line numbers', () => {
    const p = parsePastedList('E01999001\n ls7 3ex \n\nhello world\nE01999002, LS6 1AA;E01999488');
    expect(p.lsoaCodes).toEqual([
      { line: 1, code: 'E01999001' },
      { line: 5, code: 'E01999002' },
      { line: 5, code: 'E01999488' },
    ]);
    expect(p.postcodes).toEqual([
      { line: 2, postcode: 'LS7 3EX' },
      { line: 5, postcode: 'LS6 1AA' },
    ]);
    expect(p.notUnderstood).toEqual([{ line: 4, text: 'hello world' }]);
    const r = resolvePastedList(p, new Set(council), [
      { kind: 'found', postcode: 'LS7 3EX', lon: -1.5, lat: 53.8, lsoaCode: 'E01999100' },
      { kind: 'unknown', postcode: 'LS6 1AA', district: 'LS6' },
    ]);
    expect(r.codes).toEqual(['E01999001', 'E01999002', 'E01999100']);
    expect(r.problems).toEqual([
      'Line 4: “hello world” is neither an LSOA code nor a full postcode.',
      'Line 5: E01999488 is not an LSOA 2021 of this council.',
      "Line 5: LS6 1AA was not found among this map's postcodes in district LS6 (the map has the area's postcodes and those within 2 km of its boundary).",
    ]);
  });
});

describe('saved areas', () => {
  it('round-trips and skips what it cannot read', () => {
    const set = areaSet(
      'custom',
      'a1',
      'Around the school',
      {
        type: 'polygon',
        ring: [
          [0, 0],
          [1, 0],
          [1, 1],
        ],
      },
      [council[1]!],
    );
    const list = withSavedArea([], set, 'chk', '2026-12-07T03:00:00Z');
    expect(parseSavedAreas(serialiseSavedAreas(list))).toEqual(list);
    expect(withSavedArea(list, { ...set, label: 'Renamed' }, 'chk', 'x')).toHaveLength(1);
    expect(parseSavedAreas('{not json')).toEqual([]);
    expect(parseSavedAreas(null)).toEqual([]);
    expect(parseSavedAreas(JSON.stringify({ areas: [{ id: 1 }, list[0]] }))).toEqual(list);
  });
});

describe('comparison', () => {
  it('compares the area with its wards, the council and England', () => {
    const t = propsTable([
      { code: 'E01999001', ward: 'W1', y25_imd_d: 1, y25_imd_r: 10, y25_p1: 1 },
      { code: 'E01999002', ward: 'W1', y25_imd_d: 5, y25_imd_r: 15000 },
      { code: 'E01999003', ward: 'W2', y25_imd_d: 1, y25_imd_r: 900 },
      { code: 'E01999004', ward: 'W2', y25_imd_d: 9, y25_imd_r: 30000 },
    ]);
    const set = areaSet('custom', 'x', 'Mine', { type: 'list' }, ['E01999001', 'E01999003', 'E01999004']);
    expect(overlappingWards(set, t)).toEqual([
      { code: 'W2', members: 2 },
      { code: 'W1', members: 1 },
    ]);
    const rows = comparisonRows({
      set,
      table: t,
      release: '2025',
      councilName: 'Council',
      nationalCount: 33755,
      wards: new Map([
        ['W1', { name: 'Ward 1', lsoaCodes: ['E01999001', 'E01999002'] }],
        ['W2', { name: 'Ward 2', lsoaCodes: ['E01999003', 'E01999004'] }],
      ]),
    });
    expect(rows.map((r) => [r.label, r.lsoas, r.shareDecile1, r.medianRank])).toEqual([
      ['Mine', 3, 2 / 3, 900],
      ['Ward 2 (ward)', 2, 0.5, 15450],
      ['Ward 1 (ward)', 2, 0.5, 7505],
      ['Council', 4, 0.5, 7950],
      ['England', 33755, 0.1, 16878],
    ]);
  });
});

describe('edited neighbourhood as a content-file entry', () => {
  it('keeps the default entries, marks added LSOAs and states its basis', async () => {
    const { neighbourhoodEntry } = await import('../../../src/domain/custom-area/neighbourhood-entry');
    const base = {
      id: 'n1',
      name: 'Synthetic',
      reportNames: ['Synthetic'],
      ward: { code: 'E05999001', name: 'W' },
      lsoa11: ['E01999901'],
      lsoa21: [
        { code: 'E01999001', from: 'E01999901', change: 'S' as const },
        { code: 'E01999002', from: 'E01999002', change: 'U' as const },
      ],
      membership: 'approximate' as const,
      basis: 'IoD2015 1% of the ward.',
      sources: [],
    };
    const set = areaSet('custom', 'x', 'Synthetic (edited)', { type: 'list' }, ['E01999001', 'E01999003', 'E01999004']);
    const e = neighbourhoodEntry(base, set, (c) => (c === 'E01999003' ? 'U' : 'M'), '2026-12-07');
    expect(e.lsoa21).toEqual([
      { code: 'E01999001', from: 'E01999901', change: 'S' },
      { code: 'E01999003', from: 'E01999003', change: 'U' },
      { code: 'E01999004', from: null, change: 'M' },
    ]);
    expect(e.lsoa11).toEqual(['E01999003', 'E01999901']);
    expect(e.membership).toBe('edited');
    expect(e.basis).toMatch(
      /^Edited in Neighbourhood Atlas on 2026-12-07 from the approximate default \(2 LSOAs: 2 added, 1 removed; 3 LSOA 2021 now\), chosen by hand\./,
    );
  });
});

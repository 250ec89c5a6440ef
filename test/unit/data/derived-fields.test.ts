import { describe, expect, it } from 'vitest';
import { deriveFields, omitDerivable, omittableKeys, type DerivationRelease } from '../../../src/data/derived-fields';

/** Synthetic releases: N = 1,000 LSOAs in England, so the national 1% is rank ≤ 10. */
const RELEASES: DerivationRelease[] = [
  { id: '2025', lsoaVintage: '2021', nationalCount: 1000, indicators: ['imd', 'inc'] },
  { id: '2019', lsoaVintage: '2011', nationalCount: 999, indicators: ['imd'] },
];

/** Four synthetic areas as the pipeline computes them (hand-worked local ranks and deciles). */
const FULL = [
  {
    code: 'SYN1',
    y25_imd_r: 10,
    y25_imd_d: 1,
    y25_imd_lr: 1,
    y25_imd_ld: 3,
    y25_p1: 1,
    y25_p10: 1,
    y25_inc_r: 400,
    y25_inc_lr: 2,
    y25_inc_ld: 10,
  },
  {
    code: 'SYN2',
    y25_imd_r: 11,
    y25_imd_d: 1,
    y25_imd_lr: 2,
    y25_imd_ld: 5,
    y25_p1: 0,
    y25_p10: 1,
    y25_inc_r: 300,
    y25_inc_lr: 1,
    y25_inc_ld: 5,
  },
  {
    code: 'SYN3',
    y25_imd_r: 700,
    y25_imd_d: 7,
    y25_imd_lr: 3,
    y25_imd_ld: 8,
    y25_p1: 0,
    y25_p10: 0,
    y19_imd_r: 5,
    y19_imd_d: 1,
    y19_p1: 1,
    y19_p10: 1,
  },
  { code: 'SYN4', y25_imd_r: 999, y25_imd_d: 10, y25_imd_lr: 4, y25_imd_ld: 10, y25_p1: 0, y25_p10: 0 },
];

describe('fields the area files leave out and the app restores', () => {
  it('derives the 1% / 10% flags and the local ranks and deciles as the pipeline defines them', () => {
    const bare = FULL.map(({ code, y25_imd_r, y25_imd_d, y25_inc_r }) => ({
      code,
      y25_imd_r,
      y25_imd_d,
      ...(y25_inc_r === undefined ? {} : { y25_inc_r }),
    }));
    const derived = deriveFields(bare, RELEASES, '2021');
    FULL.forEach((full, i) => {
      const { y19_imd_r: _r, y19_imd_d: _d, y19_p1: _p1, y19_p10: _p10, ...on2021 } = full;
      expect(derived[i]).toEqual(on2021);
    });
  });

  it('derives flags for a release on the other LSOA vintage, but never its local ranks', () => {
    const [, , syn3] = deriveFields(
      FULL.map(({ code, y19_imd_r, y19_imd_d }) => ({ code, y19_imd_r, y19_imd_d })),
      RELEASES,
      '2021',
    );
    expect(syn3).toEqual({ code: 'SYN3', y19_imd_r: 5, y19_imd_d: 1, y19_p1: 1, y19_p10: 1 });
  });

  it('never replaces a stored value', () => {
    const [a] = deriveFields([{ code: 'SYN1', y25_imd_r: 10, y25_imd_d: 1, y25_p1: 0 }], RELEASES, '2021');
    expect(a?.y25_p1).toBe(0);
  });

  it('leaves out exactly what it restores, so omitting then deriving gives back the file the pipeline computed', () => {
    const slim = omitDerivable(FULL, RELEASES, '2021');
    expect(slim[0]).toEqual({ code: 'SYN1', y25_imd_r: 10, y25_imd_d: 1, y25_inc_r: 400 });
    expect(deriveFields(slim, RELEASES, '2021')).toEqual(FULL);
  });

  it('keeps a key stored for every area when any area’s value differs from its derivation', () => {
    const odd = FULL.map((p) => (p.code === 'SYN4' ? { ...p, y25_imd_ld: 9 } : p));
    const keys = omittableKeys(odd, RELEASES, '2021');
    expect(keys.has('y25_imd_ld')).toBe(false);
    expect(keys.has('y25_imd_lr')).toBe(true);
    expect(omitDerivable(odd, RELEASES, '2021').every((p) => 'y25_imd_ld' in p)).toBe(true);
  });

  it('keeps a key that is absent somewhere the derivation would add it', () => {
    const missing = FULL.map((p) => (p.code === 'SYN2' ? (({ y25_p10: _, ...rest }) => rest)(p) : p));
    expect(omittableKeys(missing, RELEASES, '2021').has('y25_p10')).toBe(false);
  });
});

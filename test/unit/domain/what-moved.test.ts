import { describe, expect, it } from 'vitest';
import { areaWhatMoved, DOMAIN_IDS, ranksAreRelative, whatMoved } from '../../../src/domain/what-moved';

/**
 * A synthetic unchanged LSOA (E01999001 does not exist), worked by hand:
 *   income      2019 decile 3 (rank  8,000) → 2025 decile 1 (rank 2,000): −2, more deprived
 *   employment  2019 decile 5               → 2025 decile 5: no change
 *   health      2019 decile 4               → 2025 decile 6: +2, less deprived
 *   crime       2025 only: not published in both
 *   the other three: 2 → 2, no change
 */
const props = {
  chg: 'U' as const,
  code: 'E01999001',
  y19_inc_d: 3,
  y19_inc_r: 8000,
  y25_inc_d: 1,
  y25_inc_r: 2000,
  y19_emp_d: 5,
  y19_emp_r: 15000,
  y25_emp_d: 5,
  y25_emp_r: 15500,
  y19_hea_d: 4,
  y19_hea_r: 12000,
  y25_hea_d: 6,
  y25_hea_r: 19000,
  y25_cri_d: 2,
  y25_cri_r: 5000,
  y19_edu_d: 2,
  y19_edu_r: 5000,
  y25_edu_d: 2,
  y25_edu_r: 5100,
  y19_bar_d: 2,
  y19_bar_r: 5000,
  y25_bar_d: 2,
  y25_bar_r: 5100,
  y19_liv_d: 2,
  y19_liv_r: 5000,
  y25_liv_d: 2,
  y25_liv_r: 5100,
};

describe('what moved, domain by domain', () => {
  it('gives the seven domains in order, with deciles, ranks and the change', () => {
    expect(DOMAIN_IDS).toEqual(['inc', 'emp', 'edu', 'hea', 'cri', 'bar', 'liv']);
    const m = whatMoved(props, '2019', '2025');
    if (!m.comparable) throw new Error(m.reason);
    const inc = m.rows.find((r) => r.indicator === 'inc')!;
    expect(inc).toMatchObject({
      before: { decile: 3, rank: 8000 },
      after: { decile: 1, rank: 2000 },
      decileChange: -2,
      description: '2 deciles more deprived',
    });
    expect(m.rows.find((r) => r.indicator === 'hea')!.description).toBe('2 deciles less deprived');
    expect(m.rows.find((r) => r.indicator === 'cri')).toMatchObject({
      before: null,
      decileChange: null,
      description: 'not published in both releases',
    });
    expect(m.moreDeprived).toEqual(['Income (−2)']);
    expect(m.lessDeprived).toEqual(['Health and disability (+2)']);
    expect(m.unchanged).toBe(4);
  });

  it('an LSOA whose boundary changed gets no comparison, and says why', () => {
    const m = whatMoved({ ...props, chg: 'S' }, '2019', '2025');
    expect(m.comparable).toBe(false);
    if (!m.comparable) expect(m.reason).toMatch(/change code “S”: it was split/);
  });

  it('says that ranks are relative and of different sets', () => {
    expect(ranksAreRelative(32844, 33755)).toMatch(
      /can move because other areas changed more.*32,844 LSOAs \(2011 areas\).*33,755 LSOAs \(2021 areas\)/,
    );
  });
});

describe('what moved across an area (counts of comparable LSOAs in the most deprived 10% / 20%)', () => {
  /** Synthetic: every domain's deciles given by a pair per LSOA, the same for all seven domains but income. */
  const lsoa = (code: string, chg: 'U' | 'S', d19: number, d25: number, inc: [number, number]) => {
    const p: Record<string, unknown> = { code, name: `Synthetic ${code}`, chg };
    for (const d of DOMAIN_IDS) {
      const [a, b] = d === 'inc' ? inc : [d19, d25];
      Object.assign(p, { [`y19_${d}_d`]: a, [`y19_${d}_r`]: a * 1000, [`y25_${d}_d`]: b, [`y25_${d}_r`]: b * 1000 });
    }
    return p as Record<string, unknown> & { code: string; chg: 'U' | 'S' };
  };
  // Hand-worked: A and B are comparable, C changed boundary.
  //   income: A 1→2, B 3→1 → 2019: in 10% = 1 (A), in 20% = 1; 2025: in 10% = 1 (B), in 20% = 2 (A, B)
  //   others: A 2→2, B 5→1 → 2019: 10% 0, 20% 1; 2025: 10% 1, 20% 2
  const area = [lsoa('A', 'U', 2, 2, [1, 2]), lsoa('B', 'U', 5, 1, [3, 1]), lsoa('C', 'S', 1, 1, [1, 1])];
  const moved = areaWhatMoved(area, '2019', '2025');

  it('counts only unchanged LSOAs, and lists the others with why', () => {
    expect(moved.comparable).toBe(2);
    expect(moved.notComparable).toEqual([
      { code: 'C', name: 'Synthetic C', why: 'boundary changed in 2021 (ONS change code S)' },
    ]);
  });

  it('counts the most deprived 10% and 20% in each release, by domain', () => {
    const inc = moved.rows.find((r) => r.indicator === 'inc');
    expect(inc).toMatchObject({ before: { in10: 1, in20: 1 }, after: { in10: 1, in20: 2 } });
    const edu = moved.rows.find((r) => r.indicator === 'edu');
    expect(edu).toMatchObject({ before: { in10: 0, in20: 1 }, after: { in10: 1, in20: 2 } });
    expect(moved.rows).toHaveLength(7);
  });

  it('an LSOA missing a decile in one release is not comparable', () => {
    const gap = { ...lsoa('D', 'U', 2, 2, [2, 2]), y19_cri_d: undefined };
    expect(areaWhatMoved([gap], '2019', '2025').notComparable[0]?.why).toMatch(/not published in both/);
  });
});

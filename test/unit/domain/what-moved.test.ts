import { describe, expect, it } from 'vitest';
import { DOMAIN_IDS, ranksAreRelative, whatMoved } from '../../../src/domain/what-moved';

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

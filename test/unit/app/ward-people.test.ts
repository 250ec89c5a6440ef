import { describe, expect, it } from 'vitest';
import { wardPeople, wardScores, weightedScore } from '../../../src/domain/ward-people';

/**
 * Synthetic LSOAs (codes E01999xxx do not exist) in two synthetic wards, worked by hand:
 *
 *   ward A: L1 pop 1000, children 200, older 100, working age 600, IMD score 40, emp 0.30, IDACI 0.50, IDAOPI 0.10, in the 10%
 *           L2 pop 3000, children 100, older 900, working age 1800, IMD score 10, emp 0.10, IDACI 0.10, IDAOPI 0.40
 *   ward B: L3 pop 2000, children 500, older 500, working age 1000, IMD score 20, emp 0.20, IDACI 0.20, IDAOPI 0.20
 *
 *   A IMD  = (40×1000 + 10×3000) / 4000 = 70000/4000 = 17.5        B IMD  = 20      → B rank 1, A rank 2
 *   A emp  = (0.30×600 + 0.10×1800) / 2400 = 360/2400 = 0.15        B emp  = 0.20    → B 1, A 2
 *   A IDACI = (0.50×200 + 0.10×100) / 300 = 110/300 = 0.36667       B IDACI = 0.20   → A 1, B 2
 *     (by total population it would be (500+300)/4000 = 0.2: the children weighting matters)
 *   A IDAOPI = (0.10×100 + 0.40×900) / 1000 = 370/1000 = 0.37       B IDAOPI = 0.20  → A 1
 *   A people: 4000, children 300, older 1000, in the 10%: 1000 (25%)
 */
const A = 'E05999001';
const B = 'E05999002';
const lsoa = (code: string, ward: string, v: Record<string, number>) => ({ code, ward, ...v });
const L1 = lsoa('E01999001', A, { pop22: 1000, chi22: 200, old22: 100, wa22: 600, y25_imd_s: 40, y25_emp_s: 0.3, y25_idc_s: 0.5, y25_ido_s: 0.1, y25_p10: 1 });
const L2 = lsoa('E01999002', A, { pop22: 3000, chi22: 100, old22: 900, wa22: 1800, y25_imd_s: 10, y25_emp_s: 0.1, y25_idc_s: 0.1, y25_ido_s: 0.4, y25_p10: 0 });
const L3 = lsoa('E01999003', B, { pop22: 2000, chi22: 500, old22: 500, wa22: 1000, y25_imd_s: 20, y25_emp_s: 0.2, y25_idc_s: 0.2, y25_ido_s: 0.2, y25_p10: 0 });

describe('population-weighted ward scores', () => {
  it('weights each indicator by its own denominator', () => {
    expect(weightedScore([L1, L2], 'imd', 'pop22')).toBeCloseTo(17.5, 10);
    expect(weightedScore([L1, L2], 'emp', 'wa22')).toBeCloseTo(0.15, 10);
    expect(weightedScore([L1, L2], 'idc', 'chi22')).toBeCloseTo(110 / 300, 10);
    expect(weightedScore([L1, L2], 'idc', 'pop22')).toBeCloseTo(0.2, 10);
    expect(weightedScore([L1, L2], 'ido', 'old22')).toBeCloseTo(0.37, 10);
  });

  it('ranks wards within the area, 1 = most deprived (highest score)', () => {
    const scores = wardScores([L1, L2, L3]);
    const get = (ward: string, ind: string) => scores.get(ward)?.find((s) => s.indicator === ind);
    expect(get(A, 'imd')).toMatchObject({ score: 17.5, rank: 2, of: 2, weight: 'pop22' });
    expect(get(B, 'imd')).toMatchObject({ score: 20, rank: 1, of: 2 });
    expect(get(A, 'emp')).toMatchObject({ rank: 2, weight: 'wa22' });
    expect(get(A, 'idc')).toMatchObject({ rank: 1, weight: 'chi22' });
    expect(get(A, 'ido')).toMatchObject({ rank: 1, weight: 'old22' });
    // No income score in the synthetic data: no income ranking rather than a made-up one.
    expect(get(A, 'inc')).toBeUndefined();
  });

  it('gives no score when a member LSOA lacks its score or weight', () => {
    const noPop = { ...L2, pop22: undefined };
    expect(weightedScore([L1, noPop], 'imd', 'pop22')).toBeNull();
    expect(weightedScore([], 'imd', 'pop22')).toBeNull();
  });
});

describe('ward people', () => {
  it('sums population, children, older people and people in the most deprived 10%', () => {
    expect(wardPeople([L1, L2])).toEqual({ population: 4000, children: 300, olderPeople: 1000, inMostDeprived10: 1000, shareMostDeprived10: 0.25 });
  });

  it('is null when figures are missing (no File 7 for the area)', () => {
    expect(wardPeople([{ code: 'E01999009', ward: A }])).toBeNull();
    expect(wardPeople([])).toBeNull();
  });
});

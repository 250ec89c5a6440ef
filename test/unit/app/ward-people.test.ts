import { describe, expect, it } from 'vitest';
import { PEOPLE_DEFINITIONS } from '../../../src/data/people-contract';
import { wardPeople, wardScores, wardWeightsNote, weightedScore } from '../../../src/domain/ward-people';

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
const L1 = lsoa('E01999001', A, {
  pop22: 1000,
  chi22: 200,
  old22: 100,
  wa22: 600,
  y25_imd_s: 40,
  y25_emp_s: 0.3,
  y25_idc_s: 0.5,
  y25_ido_s: 0.1,
  y25_p10: 1,
});
const L2 = lsoa('E01999002', A, {
  pop22: 3000,
  chi22: 100,
  old22: 900,
  wa22: 1800,
  y25_imd_s: 10,
  y25_emp_s: 0.1,
  y25_idc_s: 0.1,
  y25_ido_s: 0.4,
  y25_p10: 0,
});
const L3 = lsoa('E01999003', B, {
  pop22: 2000,
  chi22: 500,
  old22: 500,
  wa22: 1000,
  y25_imd_s: 20,
  y25_emp_s: 0.2,
  y25_idc_s: 0.2,
  y25_ido_s: 0.2,
  y25_p10: 0,
});

describe('population-weighted ward scores', () => {
  it('weights each indicator by its own denominator', () => {
    expect(weightedScore([L1, L2], 'imd', 'population')).toBeCloseTo(17.5, 10);
    expect(weightedScore([L1, L2], 'emp', 'workingAge')).toBeCloseTo(0.15, 10);
    expect(weightedScore([L1, L2], 'idc', 'children')).toBeCloseTo(110 / 300, 10);
    expect(weightedScore([L1, L2], 'idc', 'population')).toBeCloseTo(0.2, 10);
    expect(weightedScore([L1, L2], 'ido', 'olderPeople')).toBeCloseTo(0.37, 10);
  });

  it('ranks wards within the area, 1 = most deprived (highest score)', () => {
    const scores = wardScores([L1, L2, L3]);
    const get = (ward: string, ind: string) => scores.get(ward)?.find((s) => s.indicator === ind);
    expect(get(A, 'imd')).toMatchObject({ score: 17.5, rank: 2, of: 2, weight: 'population' });
    expect(get(B, 'imd')).toMatchObject({ score: 20, rank: 1, of: 2 });
    expect(get(A, 'emp')).toMatchObject({ rank: 2, weight: 'workingAge' });
    expect(get(A, 'idc')).toMatchObject({ rank: 1, weight: 'children' });
    expect(get(A, 'ido')).toMatchObject({ rank: 1, weight: 'olderPeople' });
    // No income score in the synthetic data: no income ranking rather than a made-up one.
    expect(get(A, 'inc')).toBeUndefined();
  });

  it('gives no score when a member LSOA lacks its score or weight', () => {
    const noPop = { ...L2, pop22: undefined };
    expect(weightedScore([L1, noPop], 'imd', 'population')).toBeNull();
    expect(weightedScore([], 'imd', 'population')).toBeNull();
  });
});

describe('ward people', () => {
  it('sums population, children, older people and people in the most deprived 10%', () => {
    expect(wardPeople([L1, L2])).toEqual({
      definition: PEOPLE_DEFINITIONS.file7,
      population: 4000,
      children: 300,
      olderPeople: 1000,
      olderPeople65: null,
      inMostDeprived10: 1000,
      shareMostDeprived10: 0.25,
    });
  });

  it('is null when figures are missing (no File 7 for the area)', () => {
    expect(wardPeople([{ code: 'E01999009', ward: A }])).toBeNull();
    expect(wardPeople([])).toBeNull();
  });
});

/**
 * The same synthetic LSOAs with Census 2021 figures only (c21pop, c21chi 0–14, c21old 60+, c21o65 65+),
 * as every council but Leeds has them: weights are census figures, Employment by all usual residents
 * (the census has no 18–66 band), and the labels say so.
 *   A IMD = (40×1100 + 10×2900) / 4000 = 73000/4000 = 18.25;  A emp = (0.30×1100 + 0.10×2900) / 4000 = 620/4000 = 0.155
 */
const C1 = lsoa('E01999011', A, {
  c21pop: 1100,
  c21chi: 150,
  c21old: 120,
  c21o65: 80,
  y25_imd_s: 40,
  y25_emp_s: 0.3,
  y25_p10: 1,
});
const C2 = lsoa('E01999012', A, {
  c21pop: 2900,
  c21chi: 90,
  c21old: 800,
  c21o65: 600,
  y25_imd_s: 10,
  y25_emp_s: 0.1,
  y25_p10: 0,
});

describe('ward people and scores from Census 2021', () => {
  it('sums the census figures with their definition, 65+ included', () => {
    expect(wardPeople([C1, C2])).toEqual({
      definition: PEOPLE_DEFINITIONS.census2021,
      population: 4000,
      children: 240,
      olderPeople: 920,
      olderPeople65: 680,
      inMostDeprived10: 1100,
      shareMostDeprived10: 0.275,
    });
  });

  it('weights by census residents, Employment too, and labels the weight with source and band', () => {
    expect(weightedScore([C1, C2], 'imd', 'population')).toBeCloseTo(18.25, 10);
    expect(weightedScore([C1, C2], 'emp', 'workingAge')).toBeCloseTo(0.155, 10);
    const emp = wardScores([C1, C2])
      .get(A)
      ?.find((s) => s.indicator === 'emp');
    expect(emp?.weightLabel).toBe('usual residents, Census 2021 (no working-age 18–66 band in Census 2021)');
    expect(
      wardScores([C1, C2])
        .get(A)
        ?.find((s) => s.indicator === 'imd')?.weightLabel,
    ).toBe('usual residents, Census 2021');
    expect(
      wardScores([L1, L2])
        .get(A)
        ?.find((s) => s.indicator === 'idc')?.weightLabel,
    ).toBe('dependent children aged 0–15, mid-2022 (IoD 2025 File 7)');
    expect(wardWeightsNote(PEOPLE_DEFINITIONS.census2021)).toMatch(
      /Census 2021 figures, because IoD 2025 File 7’s mid-2022 denominators are not in the sources/,
    );
  });

  it('never mixes definitions: a ward of File 7 and census LSOAs gets no sum and no score', () => {
    expect(wardPeople([L1, C2])).toBeNull();
    expect(weightedScore([L1, C2], 'imd', 'population')).toBeNull();
  });

  it('prefers File 7 where an LSOA has both (Leeds keeps its mid-2022 figures)', () => {
    const both = { ...L1, c21pop: 9999, c21chi: 1, c21old: 1, c21o65: 1 };
    expect(wardPeople([both])).toMatchObject({ definition: { id: 'file7' }, population: 1000, children: 200 });
  });
});

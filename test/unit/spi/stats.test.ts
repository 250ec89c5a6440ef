import { describe, expect, it } from 'vitest';
import { parseSpiCsv } from '../../../src/domain/spi/parse';
import { classifyScore, marked, measureValues, wardChange, wardScorecard } from '../../../src/domain/spi/stats';
import { fixture, SYNTHETIC_WARDS } from './helpers';

// synthetic-spi.csv: component k of ward w (A=0 … H=7) = 15 + 10w + k in 2023 (10 + 10w + k in 2022,
// wards A–D only), except Ward D 2023: nutrition 99, shelter 1; Ward H 2023 personal_rights is empty.
const data = parseSpiCsv(fixture('synthetic-spi.csv'), SYNTHETIC_WARDS).data!;
const D = 'E05999904';
const H = 'E05999908';

describe('years, values and change', () => {
  it('choropleth values', () => {
    expect([...measureValues(data, 'spi', 2022).entries()]).toEqual([
      ['E05999901', 15.5],
      ['E05999902', 25.5],
      ['E05999903', 35.5],
      ['E05999904', 45.5],
    ]);
    expect(measureValues(data, 'personal_rights', 2023).has(H)).toBe(false);
  });

  it('change between years for a ward', () => {
    const ch = wardChange(data, D, 2022, 2023);
    const by = (id: string) => ch.find((c) => c.measure.id === id)!;
    expect(ch).toHaveLength(16);
    expect(by('spi').change).toBeCloseTo(51.17 - 45.5, 10);
    expect(by('nutrition_and_basic_medical_care')).toMatchObject({ from: 40, to: 99, change: 59 });
    expect(by('shelter')).toMatchObject({ from: 42, to: 1, change: -41 });
    // Ward H has no 2022 row → no change
    expect(wardChange(data, H, 2022, 2023)[0]).toMatchObject({ from: null, to: 90.5, change: null });
  });
});

describe('strength / weakness rule', () => {
  it('33 wards: top 8 are strengths, bottom 8 weaknesses (k = round(33/4) = 8)', () => {
    const all = Array.from({ length: 33 }, (_, i) => i + 1);
    expect(classifyScore(33, all)).toBe('strength');
    expect(classifyScore(26, all)).toBe('strength'); // 7 wards higher
    expect(classifyScore(25, all)).toBeNull(); // 8 wards higher
    expect(classifyScore(9, all)).toBeNull();
    expect(classifyScore(8, all)).toBe('weakness'); // 7 wards lower
    expect(classifyScore(1, all)).toBe('weakness');
  });

  it('ties share the better rank; too few wards or all equal → no marks', () => {
    const tied = [10, 10, 10, 10, 5, 5, 5, 5];
    expect(classifyScore(10, tied)).toBe('strength');
    expect(classifyScore(5, tied)).toBe('weakness');
    expect(classifyScore(3, [1, 2, 3])).toBeNull();
    expect(classifyScore(7, [7, 7, 7, 7, 7])).toBeNull();
  });
});

describe('wardScorecard', () => {
  it('Ward D 2023: 8 wards so k = 2; nutrition is a strength, shelter a weakness', () => {
    const card = wardScorecard(data, D, 2023)!;
    expect(card).toMatchObject({
      wardCode: D,
      wardName: 'Synthetic Ward D',
      year: 2023,
      note: 'Synthetic fixture, "not" real',
    });
    // spi: E F G H score higher → rank 1 + 4 = 5
    expect(card.overall).toMatchObject({ value: 51.17, rank: 5, n: 8, mark: null, min: 20.5, max: 90.5 });
    expect(card.overall.vsMedian).toBeCloseTo(51.17 - 55.835, 10);
    expect(card.dimensions.map((d) => d.measure.id)).toEqual([
      'basic_human_needs',
      'foundations_of_wellbeing',
      'opportunity',
    ]);
    expect(card.dimensions.map((d) => d.components.length)).toEqual([4, 4, 4]);

    const bhn = card.dimensions[0]!;
    // BHN 48.5 vs 16.5 26.5 36.5 56.5 66.5 76.5 86.5 → 4 higher → rank 5, unmarked
    expect(bhn).toMatchObject({ value: 48.5, rank: 5, mark: null });
    const [nutrition, water, shelter] = bhn.components;
    // nutrition: 15 25 35 55 65 75 85 + D 99 → rank 1; median (55+65)/2 = 60
    expect(nutrition).toMatchObject({ value: 99, rank: 1, median: 60, vsMedian: 39, mark: 'strength' });
    // water: 16 26 36 [46] 56 66 76 86 → 4 higher, 3 lower → unmarked; median (46+56)/2 = 51
    expect(water).toMatchObject({ value: 46, rank: 5, median: 51, mark: null });
    // shelter: 1 is the lowest → rank 8 of 8, weakness; median 47
    expect(shelter).toMatchObject({ value: 1, rank: 8, median: 47, vsMedian: -46, mark: 'weakness' });

    expect(marked(card, 'strength').map((l) => l.measure.id)).toEqual(['nutrition_and_basic_medical_care']);
    expect(marked(card, 'weakness').map((l) => l.measure.id)).toEqual(['shelter']);
  });

  it('a missing component has no value, rank or mark but still shows Leeds figures', () => {
    const card = wardScorecard(data, H, 2023)!;
    const rights = card.dimensions[2]!.components[0]!;
    expect(rights).toMatchObject({ value: null, rank: null, mark: null, vsMedian: null, n: 7, median: 53 });
    expect(card.overall.mark).toBe('strength');
  });

  it('null when the ward has no row that year', () => {
    expect(wardScorecard(data, H, 2022)).toBeNull();
  });
});

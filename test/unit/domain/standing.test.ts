import { describe, expect, it } from 'vitest';
import type { CouncilStanding } from '../../../src/data/standing-contract';
import {
  areaMeasureRows,
  formatFigure,
  imdMeasureRows,
  ordinal,
  standingCaption,
  standingHeadline,
  standingRows,
} from '../../../src/domain/standing';

/** A synthetic district (E09999001 does not exist) in a synthetic England of 3 districts. */
const SYN: Extract<CouncilStanding, { available: true }> = {
  available: true,
  area: { code: 'E09999001', name: 'Synthetic' },
  districts: 3,
  source: { title: 'Synthetic File 10', file: 'f10.csv', publisher: 'Nobody', downloadPage: 'https://example.org/' },
  indicators: [
    {
      indicator: 'imd',
      measures: {
        averageScore: { value: 24.115, rank: 2 },
        extent: { value: 0.2849, rank: 1 },
        localConcentration: { value: 32798.75, rank: 3 },
      },
    },
    { indicator: 'inc', measures: { scale: { value: 201408, rank: 1 } } },
  ],
};

describe('the council standing as text', () => {
  it('ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '101st',
      '111th',
    ]);
  });

  it('figures in their published units', () => {
    expect(formatFigure('averageScore', 24.115)).toBe('24.115');
    expect(formatFigure('extent', 0.2849)).toBe('28.5%');
    expect(formatFigure('localConcentration', 32798.75)).toBe('32,799');
    expect(formatFigure('scale', 201408)).toBe('201,408 people');
  });

  it('the headline and caption name the rank of average score among the districts', () => {
    expect(standingHeadline(SYN)).toBe(
      'Synthetic is 2nd of 3 districts in England by average IMD score (1st = most deprived); 1st by extent; 3rd by local concentration.',
    );
    expect(standingCaption(SYN)).toMatch(/ Source: Synthetic File 10, Nobody\.$/);
  });

  it('rows list only the measures published for each indicator', () => {
    expect(standingRows(SYN).map((r) => r.cells.map((c) => c.measure))).toEqual([
      ['averageScore', 'extent', 'localConcentration'],
      ['scale'],
    ]);
    expect(standingRows(SYN)[1]!.cells[0]!.rank).toBe('1st of 3');
  });
});

describe('an area’s own measures', () => {
  const lsoa = (v: Record<string, number>) => ({ y25_imd_s: 10, y25_imd_r: 100, ...v });
  it('weights by File 7 mid-2022 population when every LSOA has it, else Census 2021, never a mix', () => {
    expect(imdMeasureRows([lsoa({ pop22: 10, c21pop: 9 }), lsoa({ pop22: 20, c21pop: 19 })])).toMatchObject({
      weights: 'mid-2022 populations (IoD 2025 File 7)',
      rows: [{ population: 10 }, { population: 20 }],
    });
    expect(imdMeasureRows([lsoa({ pop22: 10, c21pop: 9 }), lsoa({ c21pop: 19 })])).toMatchObject({
      weights: 'Census 2021 usual residents',
      rows: [{ population: 9 }, { population: 19 }],
    });
    expect(imdMeasureRows([lsoa({}), lsoa({ c21pop: 19 })]).weights).toBeNull();
  });

  it('says why a figure is missing, and puts the council’s published one beside it', () => {
    const { rows } = areaMeasureRows([lsoa({}), lsoa({})], 33755, SYN);
    expect(rows.find((r) => r.measure === 'extent')).toMatchObject({
      area: 'not available: population not known for 2 of 2 LSOAs',
      council: '28.5% (1st of 3)',
    });
    expect(rows.find((r) => r.measure === 'proportionMostDeprived10')).toMatchObject({ area: '100%', council: null });
  });
});

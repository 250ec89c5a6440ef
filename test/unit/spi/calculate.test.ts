import { describe, expect, it } from 'vitest';
import {
  calculateSpi,
  formatSpiCsv,
  indicatorScore,
  parseIndicatorCsv,
  round2,
  runSpiCalculator,
} from '../../../src/domain/spi/calculate';
import { parseCsv } from '../../../src/domain/spi/csv';
import { parseFramework, type SpiFramework } from '../../../src/domain/spi/schema';
import { fixture } from './helpers';

/** A small framework so hand arithmetic stays short: d1 = {c1, c2}, d2 = {c3}. */
const MINI: SpiFramework = parseFramework({
  overallLabel: 'Mini index',
  dimensions: [
    {
      id: 'd1',
      label: 'Dimension 1',
      components: [
        { id: 'c1', label: 'Component 1' },
        { id: 'c2', label: 'Component 2' },
      ],
    },
    { id: 'd2', label: 'Dimension 2', components: [{ id: 'c3', label: 'Component 3' }] },
  ],
}).framework!;

const HEADER = 'ward_code,ward_name,year,indicator,component,direction,best,worst,value,weight';
const csv = (...lines: string[]): string => `${[HEADER, ...lines].join('\n')}\n`;

const MINI_CSV = csv(
  'E05999901,Synthetic Ward A,2023,i1,c1,higher_is_better,100,0,60,',
  'E05999901,Synthetic Ward A,2023,i2,c1,higher_is_worse,10,50,20,',
  'E05999901,Synthetic Ward A,2023,i3,c2,higher_is_better,200,100,130,1',
  'E05999901,Synthetic Ward A,2023,i4,c2,higher_is_better,1,0,0.9,2',
  'E05999901,Synthetic Ward A,2023,i5,"Component 3",higher_is_worse,0,1000,333,',
);

describe('indicatorScore', () => {
  it('either direction from best/worst, clamped to 0–100', () => {
    expect(indicatorScore(80, 100, 0)).toBe(80);
    expect(indicatorScore(5, 0, 20)).toBe(75); // 100 × (5 − 20)/(0 − 20) = 100 × −15/−20
    expect(indicatorScore(250, 0, 200)).toBe(0); // 100 × 50/−200 = −25 → 0
    expect(indicatorScore(120, 100, 0)).toBe(100);
    expect(indicatorScore(-10, 100, 0)).toBe(0);
  });
});

describe('round2', () => {
  it('rounds half away from zero on the decimal value', () => {
    expect(round2(1.005)).toBe(1.01);
    expect(round2(67.725)).toBe(67.73);
    expect(round2(53.125)).toBe(53.13);
    expect(round2(2.674)).toBe(2.67);
    expect(round2(0.001)).toBe(0);
    expect(round2(-1.005)).toBe(-1.01);
  });
});

describe('calculateSpi: hand-computed', () => {
  it('mini framework: weights, one higher-is-worse indicator, means up the tree', () => {
    const parsed = parseIndicatorCsv(MINI_CSV, MINI);
    expect(parsed.errors).toEqual([]);
    const { rows, warnings } = calculateSpi(parsed.rows, MINI);
    expect(warnings).toEqual([]);
    const s = rows[0]!.scores;
    // c1: i1 = 100 × (60 − 0)/(100 − 0) = 60; i2 (worse) = 100 × (20 − 50)/(10 − 50) = 75; mean = 67.5
    expect(s.c1).toBeCloseTo(67.5, 10);
    // c2: i3 = 100 × (130 − 100)/(200 − 100) = 30 (w 1); i4 = 100 × 0.9/1 = 90 (w 2); (30 + 180)/3 = 70
    expect(s.c2).toBeCloseTo(70, 10);
    // c3: i5 = 100 × (333 − 1000)/(0 − 1000) = 66.7 (component given by its label)
    expect(s.c3).toBeCloseTo(66.7, 10);
    // d1 = (67.5 + 70)/2 = 68.75; d2 = 66.7; spi = (68.75 + 66.7)/2 = 67.725
    expect(s.d1).toBeCloseTo(68.75, 10);
    expect(s.d2).toBeCloseTo(66.7, 10);
    expect(s.spi).toBeCloseTo(67.725, 10);
    // written to 2 dp: 67.725 → 67.73
    expect(formatSpiCsv(rows, MINI)).toBe(
      'ward_code,ward_name,year,spi,d1,d2,c1,c2,c3\r\nE05999901,Synthetic Ward A,2023,67.73,68.75,66.7,67.5,70,66.7\r\n',
    );
  });

  it('a missing value empties its component, dimension and overall (with a warning)', () => {
    const text = csv(
      'E05999901,Synthetic Ward A,2023,i1,c1,higher_is_better,100,0,60,',
      'E05999901,Synthetic Ward A,2023,i3,c2,higher_is_better,100,0,40,',
      'E05999901,Synthetic Ward A,2023,i5,c3,higher_is_better,100,0,50,',
      'E05999902,Synthetic Ward B,2023,i1,c1,higher_is_better,100,0,,',
      'E05999902,Synthetic Ward B,2023,i3,c2,higher_is_better,100,0,40,',
      'E05999902,Synthetic Ward B,2023,i5,c3,higher_is_better,100,0,50,',
    );
    const { rows, warnings } = calculateSpi(parseIndicatorCsv(text, MINI).rows, MINI);
    expect(rows[0]!.scores).toEqual({ c1: 60, c2: 40, d1: 50, c3: 50, d2: 50, spi: 50 });
    expect(rows[1]!.scores).toEqual({ c2: 40, c3: 50, d2: 50 });
    expect(warnings.map((w) => w.message)).toEqual([
      "ward E05999902, year 2023: component 'c1' left empty: missing 'i1' (row 5 has no value)",
    ]);
    expect(formatSpiCsv(rows, MINI).split('\r\n')[2]).toBe('E05999902,Synthetic Ward B,2023,,,50,,40,50');
  });

  it('an indicator absent for one ward (no row) also empties that component; clamping is reported', () => {
    const text = csv(
      'E05999901,Synthetic Ward A,2023,i1,c1,higher_is_better,100,0,150,',
      'E05999901,Synthetic Ward A,2023,i2,c1,higher_is_better,100,0,50,',
      'E05999902,Synthetic Ward B,2023,i1,c1,higher_is_better,100,0,20,',
    );
    const { rows, warnings } = calculateSpi(parseIndicatorCsv(text, MINI).rows, MINI);
    expect(rows[0]!.scores.c1).toBe(75); // (100 [150 clamped] + 50)/2
    expect(rows[1]!.scores.c1).toBeUndefined();
    expect(warnings.map((w) => w.message)).toEqual([
      "year 2023: no indicators for component 'c2'; it, 'd1' and 'spi' are left empty",
      "year 2023: no indicators for component 'c3'; it, 'd2' and 'spi' are left empty",
      "ward E05999902, year 2023: component 'c1' left empty: missing 'i2' (no row)",
      "indicator 'i1': 1 value(s) beyond best/worst were clamped to 0 or 100 (rows 2)",
    ]);
  });

  it('default framework on the synthetic fixture: Synthetic Ward A 2023', () => {
    const result = runSpiCalculator(fixture('synthetic-indicators.csv'));
    expect(result.errors).toEqual([]);
    const a = result.rows.find((r) => r.wardCode === 'E05999901' && r.year === 2023)!.scores;
    // shelter: overcrowding 5 (worse, best 0, worst 20) → 75, weight 1; housing quality 80 (best 100, worst 50) → 60, weight 3
    //          (75 + 3 × 60)/4 = 63.75
    expect(a.shelter).toBeCloseTo(63.75, 10);
    // personal safety: crime 50 (worse, best 0, worst 200) → 100 × (50 − 200)/(0 − 200) = 75
    expect(a.personal_safety).toBeCloseTo(75, 10);
    // BHN = (80 + 90 + 63.75 + 75)/4 = 77.1875; FoW = (70 + 60 + 50 + 40)/4 = 55; Opp = (30 + 40 + 50 + 60)/4 = 45
    expect(a.basic_human_needs).toBeCloseTo(77.1875, 10);
    expect(a.foundations_of_wellbeing).toBeCloseTo(55, 10);
    expect(a.opportunity).toBeCloseTo(45, 10);
    // SPI = (77.1875 + 55 + 45)/3 = 59.0625 → written 59.06
    expect(a.spi).toBeCloseTo(59.0625, 10);
    expect(result.csv).toContain(
      '\r\nE05999901,Synthetic Ward A,2023,59.06,77.19,55,45,80,90,63.75,75,70,60,50,40,30,40,50,60\r\n',
    );
    // the header is the SPI schema
    expect(parseCsv(result.csv!).records[0]!.cells.slice(0, 7)).toEqual([
      'ward_code',
      'ward_name',
      'year',
      'spi',
      'basic_human_needs',
      'foundations_of_wellbeing',
      'opportunity',
    ]);
  });
});

describe('parseIndicatorCsv: errors name the row and field', () => {
  const messages = (text: string): string[] => parseIndicatorCsv(text, MINI).errors.map((e) => e.message);

  it('missing columns', () => {
    expect(messages('ward_code,year,indicator,component,direction,best,value\n')).toEqual([
      "missing required column 'worst'",
    ]);
  });

  it('bad values', () => {
    expect(
      messages(
        csv(
          'E05999901,Synthetic Ward A,2023,i1,c1,higher_is_better,100,0,abc,',
          'E05999901,Synthetic Ward A,23,i2,c9,sideways,100,,5,0',
          ',Synthetic Ward A,2023,,c1,higher_is_better,x,0,5,-1',
        ),
      ),
    ).toEqual([
      "row 2, column 'value': 'abc' is not a number",
      "row 3, column 'year': '23' is not a year (write the 4-digit year, e.g. 2023)",
      "row 3, column 'component': 'c9' is not a component of the framework (one of: c1, c2, c3)",
      "row 3, column 'direction': 'sideways' must be higher_is_better or higher_is_worse",
      "row 3, column 'worst': is empty",
      "row 3, column 'weight': 0 must be greater than 0",
      "row 4, column 'ward_code': is empty",
      "row 4, column 'indicator': is empty",
      "row 4, column 'best': 'x' is not a number",
      "row 4, column 'weight': -1 must be greater than 0",
    ]);
  });

  it('direction must agree with best/worst; best ≠ worst', () => {
    expect(
      messages(
        csv(
          'E05999901,Synthetic Ward A,2023,i1,c1,higher_is_better,0,100,5,',
          'E05999901,Synthetic Ward A,2023,i2,c1,higher_is_worse,100,0,5,',
          'E05999901,Synthetic Ward A,2023,i3,c1,higher_is_worse,7,7,5,',
        ),
      ),
    ).toEqual([
      "row 2, column 'best': direction is higher_is_better but best (0) is not above worst (100)",
      "row 3, column 'best': direction is higher_is_worse but best (100) is not below worst (0)",
      "row 4, column 'best': best and worst are both 7; they must differ",
    ]);
  });

  it('duplicates and inconsistent indicator definitions', () => {
    expect(
      messages(
        csv(
          'E05999901,Synthetic Ward A,2023,i1,c1,higher_is_better,100,0,5,',
          'E05999901,Synthetic Ward A,2023,i1,c1,higher_is_better,100,0,6,',
          'E05999902,Synthetic Ward B,2023,i1,c1,higher_is_better,80,0,6,',
        ),
      ),
    ).toEqual([
      "row 3: duplicate of row 2 (ward E05999901, year 2023, indicator 'i1')",
      "row 4, column 'best': 80 differs from 100 given for indicator 'i1' on row 2 (an indicator must be defined the same way on every row)",
    ]);
  });

  it('empty input', () => {
    expect(messages('')).toEqual(['the file is empty']);
    expect(messages(`${HEADER}\n`)).toEqual(['the file has no data rows']);
  });
});

import { describe, expect, it } from 'vitest';
import { areaCensus, CENSUS_COLUMNS, parseCensus } from '../../../scripts/pipeline/census';
import { parseCsv } from '../../../scripts/pipeline/csv';
import { PipelineError } from '../../../scripts/pipeline/errors';
import { FILE3_COLUMNS, parseFile3 } from '../../../scripts/pipeline/file3';
import { parseWard25Lookup, wardDistrictFromLookup, wardsFromLookup } from '../../../scripts/pipeline/ward-lookup';

/** Synthetic rows (codes E01999xxx, E05999xxx, E09999xxx do not exist). */
function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (e) {
    if (e instanceof PipelineError)
      return e.problems.map((p) => `${p.file} | ${p.location ?? ''} | ${p.field ?? ''} | ${p.message}`);
    throw e;
  }
  return [];
}

describe('Census 2021 TS007A reader', () => {
  const header = ['date', 'geography', CENSUS_COLUMNS.code, CENSUS_COLUMNS.total, ...CENSUS_COLUMNS.bands];
  // 18 bands: 0–4 10, 5–9 20, 10–14 30, 15–19 … 55–59 40 each (9 bands),, 60–64 50, 65–69 … 85+ 5 each (5 bands).
  const bands = [10, 20, 30, 40, 40, 40, 40, 40, 40, 40, 40, 40, 50, 5, 5, 5, 5, 5];
  const total = bands.reduce((a, b) => a + b, 0);
  const row = (code: string, t: number, b: number[] = bands) => [
    '2021',
    'Synthetic 001A',
    code,
    String(t),
    ...b.map(String),
  ];
  const csv = (...rows: string[][]) => [header, ...rows].map((r) => r.join(',')).join('\n');
  const parse = (text: string) => parseCensus(parseCsv(text, 'population/synthetic.csv'));

  it('cuts usual residents, children 0–14, people 60+ and 65+ from the five-year bands', () => {
    expect(parse(csv(row('E01999001', total))).get('E01999001')).toEqual({
      c21pop: total,
      c21chi: 60,
      c21old: 75,
      c21o65: 25,
    });
  });

  it('fails on bands that do not sum to the total, a non-number and a duplicate, naming file, line and field', () => {
    expect(
      problemsOf(() =>
        parse(
          csv(
            row('E01999001', total + 1),
            row('E01999002', total, [...bands.slice(0, 17), -1]),
            row('E01999001', total),
          ),
        ),
      ),
    ).toEqual([
      `population/synthetic.csv | line 2 (E01999001) | Age: Total | the age bands sum to ${total}, not the total ${total + 1}`,
      'population/synthetic.csv | line 3 (E01999002) | Age: Aged 85 years and over | "-1" is not a whole number of people',
      'population/synthetic.csv | line 4 (E01999001) | geography code | duplicate LSOA code E01999001 (also line 2)',
    ]);
  });

  it('sums the area and fails when an area LSOA has no row', () => {
    const all = parse(csv(row('E01999001', total), row('E01999002', total)));
    expect(areaCensus(all, ['E01999001', 'E01999002'], 'population/synthetic.csv').totals).toEqual({
      c21pop: 2 * total,
      c21chi: 120,
      c21old: 150,
      c21o65: 50,
    });
    expect(problemsOf(() => areaCensus(all, ['E01999003'], 'population/synthetic.csv'))).toEqual([
      'population/synthetic.csv |  | geography code | no Census 2021 row for LSOA E01999003 of the area',
    ]);
  });
});

describe('IoD 2025 File 3 reader (IDACI / IDAOPI ranks and deciles)', () => {
  const C = FILE3_COLUMNS;
  const header = [C.code, C.imdRank, C.idc.r, C.idc.d, C.ido.r, C.ido.d];
  const csv = (...rows: string[][]) => [header, ...rows].map((r) => r.join(',')).join('\n');
  const parse = (text: string) => parseFile3(parseCsv(text, 'indices/synthetic_file3.csv'), 100);

  it('reads ranks and deciles, no scores', () => {
    expect(parse(csv(['E01999001', '50', '7', '1', '95', '10'])).get('E01999001')).toEqual({
      line: 2,
      imdRank: 50,
      values: { idc: { r: 7, d: 1 }, ido: { r: 95, d: 10 } },
    });
  });

  it('fails on a decile that disagrees with its rank and a rank out of range', () => {
    expect(
      problemsOf(() =>
        parse(csv(['E01999001', '50', '7', '2', '95', '10'], ['E01999002', '50', '101', '10', '95', '10'])),
      ),
    ).toEqual([
      `indices/synthetic_file3.csv | line 2 (E01999001) | ${C.idc.d} | decile 2 does not match rank 7 of 100`,
      `indices/synthetic_file3.csv | line 3 (E01999002) | ${C.idc.r} | "101" is not a whole number in 1–100`,
    ]);
  });
});

describe('ONS best-fit LSOA 2021 → ward May 2025 lookup', () => {
  // With a byte-order mark, as ONS publishes it.
  const text =
    '\uFEFFLSOA21CD,LSOA21NM,WD25CD,WD25NM,LAD25CD\nE01999001,A 001A,E05999001,Ward One,E09999991\nE01999002,A 001B,E05999002,Ward Two,E09999991\nE01999003,A 001C,E05999002,Ward Two,E09999992\n';
  const lookup = parseWard25Lookup(parseCsv(text, 'lookups/synthetic.csv'));

  it('reads the header past the byte-order mark, and the LAD 2025 code most of the area’s LSOAs have', () => {
    expect(lookup.get('E01999001')).toEqual({ ward: 'E05999001', lad: 'E09999991', wardName: 'Ward One', line: 2 });
    expect(wardDistrictFromLookup(lookup, ['E01999001', 'E01999002', 'E01999003'], 'lookups/synthetic.csv')).toBe(
      'E09999991',
    );
  });

  it('fails for an area LSOA without a row, or whose ward is not among the area’s ward boundaries', () => {
    expect(problemsOf(() => wardDistrictFromLookup(lookup, ['E01999009'], 'lookups/synthetic.csv'))).toEqual([
      'lookups/synthetic.csv |  | LSOA21CD | no row for LSOA E01999009 of the area',
    ]);
    expect(
      problemsOf(() =>
        wardsFromLookup(lookup, ['E01999001', 'E01999002'], new Set(['E05999001']), 'lookups/synthetic.csv'),
      ),
    ).toEqual([
      "lookups/synthetic.csv | line 3 (E01999002) | WD25CD | ward E05999002 is not among the area's ward boundaries",
    ]);
  });
});

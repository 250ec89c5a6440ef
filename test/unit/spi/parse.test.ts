import { describe, expect, it } from 'vitest';
import { createWardMatcher, normaliseWardName, parseSpiCsv } from '../../../src/domain/spi/parse';
import { DEFAULT_SPI_FRAMEWORK, parseFramework } from '../../../src/domain/spi/schema';
import { fixture, spiCsv, SYNTHETIC_WARDS } from './helpers';

const WARDS = SYNTHETIC_WARDS;
const A = { code: 'E05999901', name: 'Synthetic Ward A' };
const B = { code: 'E05999902', name: 'Synthetic Ward B' };

describe('parseSpiCsv: the good fixture', () => {
  const result = parseSpiCsv(fixture('synthetic-spi.csv'), WARDS, { source: 'synthetic-spi.csv' });

  it('has no errors or unmatched rows', () => {
    expect(result.errors).toEqual([]);
    expect(result.unmatched).toEqual([]);
    expect(result.data).not.toBeNull();
  });

  it('reads every row, years, and sorts by year then ward', () => {
    const data = result.data!;
    expect(data.rows).toHaveLength(12);
    expect(data.years).toEqual([2022, 2023]);
    expect(data.rows[0]).toMatchObject({ wardCode: 'E05999901', year: 2022 });
    expect(data.source).toBe('synthetic-spi.csv');
  });

  it('keeps scores, the quoted ward name, the note and the extra indicator column', () => {
    const d = result.data!.rows.find((r) => r.wardCode === 'E05999904' && r.year === 2023)!;
    expect(d.scores).toMatchObject({
      spi: 51.17,
      basic_human_needs: 48.5,
      nutrition_and_basic_medical_care: 99,
      shelter: 1,
    });
    expect(d.indicators).toEqual({ synthetic_indicator_pct: 4.5 });
    expect(d.note).toBe('Synthetic fixture, "not" real');
    expect(d.sourceRow).toBe(9);
    const e = result.data!.rows.find((r) => r.wardCode === 'E05999905')!;
    expect(e.wardName).toBe('Synthetic Ward E, North');
    expect(result.data!.indicatorColumns).toEqual(['synthetic_indicator_pct']);
    expect(result.data!.notes).toEqual(['Synthetic fixture, "not" real']);
  });

  it('treats an empty cell as missing (absent key), not 0', () => {
    const h = result.data!.rows.find((r) => r.wardCode === 'E05999908')!;
    expect('personal_rights' in h.scores).toBe(false);
    expect(h.scores.inclusiveness).toBe(95);
  });

  it('warns about wards with no row in a year', () => {
    const msgs = result.warnings.map((w) => w.message);
    expect(msgs).toContainEqual(
      expect.stringMatching(/^year 2022: no row for 4 ward\(s\): Synthetic Ward E, North \(E05999905\)/),
    );
    expect(msgs.filter((m) => m.startsWith('year 2023'))).toEqual([]);
  });

  it('is JSON-serialisable as is (public/geo/spi.json)', () => {
    expect(JSON.parse(JSON.stringify(result.data))).toEqual(result.data);
  });
});

describe('parseSpiCsv: errors', () => {
  const messages = (text: string): string[] => parseSpiCsv(text, WARDS).errors.map((e) => e.message);

  it('missing required column', () => {
    const text = spiCsv([{ ...A, year: '2023' }]).replace(',spi,', ',overall_score,');
    const r = parseSpiCsv(text, WARDS);
    expect(r.data).toBeNull();
    expect(r.errors).toEqual([{ column: 'spi', message: "missing required column 'spi'" }]);
  });

  it('missing both ward columns', () => {
    const text = spiCsv([{ ...A, year: '2023' }]).replace('ward_code,ward_name,', 'a,b,');
    expect(messages(text)).toEqual(["missing required column 'ward_code' (or 'ward_name')"]);
  });

  it('a semicolon-separated (Excel) file: one message naming the likely cause, not a missing-column list', () => {
    const semicolons = spiCsv([{ ...A, year: '2023', value: '50,5' }])
      .replace(/,/g, ';')
      .replace(/50;5/g, '50,5');
    const m = messages(semicolons);
    expect(m).toHaveLength(1);
    expect(m[0]).toMatch(/^this file uses semicolons, not commas, between columns/);
    expect(messages('ward_code\tward_name\tyear\nx\ty\t2023\n')[0]).toMatch(/^this file uses tabs, not commas/);
  });

  it('a binary file (an .xlsx workbook) is told it is not a text CSV', () => {
    // What file.text() gives for a zip: "PK\u0003\u0004", then bytes that are not UTF-8 (U+FFFD) and NULs.
    const xlsx = `PK\u0003\u0004\u0014\u0000\u0006\u0000${'\uFFFD\u0000x\uFFFD[Content_Types].xml\uFFFD'.repeat(40)}`;
    expect(messages(xlsx)).toEqual([
      'this is not a text CSV file (it looks like an Excel workbook, .xlsx): open it in a spreadsheet and save it as "CSV (comma delimited)"',
    ]);
    expect(messages('%PDF-1.7\n\u0000\u0000\uFFFD\uFFFD')[0]).toMatch(
      /^this is not a text CSV file \(it looks like a PDF\)/,
    );
    // Accented names in a UTF-8 file are text.
    expect(messages(spiCsv([{ ...A, year: '2023' }]).replace('Synthetic', 'Sýnthétic'))).not.toContainEqual(
      expect.stringMatching(/not a text CSV/),
    );
  });

  it('not a number, with row and column (header = row 1)', () => {
    const text = spiCsv([
      { ...A, year: '2022' },
      { ...B, year: '2022' },
      { ...A, year: '2023', set: { shelter: 'abc' } },
    ]);
    const r = parseSpiCsv(text, WARDS);
    expect(r.data).toBeNull();
    expect(r.errors).toEqual([
      { row: 4, column: 'shelter', message: "row 4, column 'shelter': 'abc' is not a number" },
    ]);
  });

  it('out of range', () => {
    const text = spiCsv([{ ...A, year: '2023', set: { opportunity: '100.5', personal_rights: '-1' } }]);
    expect(messages(text)).toEqual([
      "row 2, column 'opportunity': 100.5 is out of range (scores run from 0 to 100)",
      "row 2, column 'personal_rights': -1 is out of range (scores run from 0 to 100)",
    ]);
  });

  it('bad and empty year', () => {
    const text = spiCsv([
      { ...A, year: '2022/23' },
      { ...B, year: '' },
    ]);
    expect(messages(text)).toEqual([
      "row 2, column 'year': '2022/23' is not a year (write the 4-digit year, e.g. 2023)",
      "row 3, column 'year': the year is empty",
    ]);
  });

  it('duplicate ward + year, including a duplicate reached through name matching', () => {
    const text = spiCsv([
      { ...A, year: '2023' },
      { ...B, year: '2023' },
      { code: '', name: 'synthetic ward a', year: '2023' },
    ]);
    expect(messages(text)).toEqual(['row 4: duplicate of row 2 (ward E05999901 Synthetic Ward A, year 2023)']);
  });

  it('wrong number of fields', () => {
    const text = spiCsv([{ ...A, year: '2023' }]).replace(/\n$/, ',extra\n');
    expect(messages(text)).toEqual(['row 2: has 20 fields but the header has 19 (a stray or missing comma?)']);
  });

  it('duplicate column and values without a header', () => {
    const dup = spiCsv([{ ...A, year: '2023' }]).replace('water_and_sanitation', 'shelter');
    expect(messages(dup)).toContain("column 'shelter' appears twice (columns 9 and 10)");
    const noHeader = spiCsv([{ ...A, year: '2023' }])
      .replace('\n', ',\n')
      .replace(/\n$/, ',7\n');
    expect(messages(noHeader)).toEqual(['column 20 has values but no header']);
  });

  it('empty file and unclosed quote', () => {
    expect(messages('')).toEqual(['the file is empty']);
    expect(messages('ward_code,ward_name\n"E05999901,x\n')).toEqual([
      `row 2: a quoted field is never closed (missing '"')`,
    ]);
  });

  it('no row matched any ward', () => {
    expect(messages(spiCsv([{ code: 'E05000000', name: 'Nowhere', year: '2023' }]))).toEqual([
      'no data rows matched a ward',
    ]);
  });
});

describe('ward matching', () => {
  it('normalises case, & vs and, punctuation, whitespace and a trailing "ward"', () => {
    expect(normaliseWardName('  Burmantofts  &  Richmond-Hill ')).toBe('burmantofts and richmond hill');
    expect(normaliseWardName('BURMANTOFTS AND RICHMOND HILL WARD')).toBe('burmantofts and richmond hill');
    expect(normaliseWardName('St. Mary’s')).toBe('st marys');
    const m = createWardMatcher([{ code: 'E05011388', name: 'Burmantofts & Richmond Hill' }]);
    expect(m.byName('burmantofts and richmond hill')?.code).toBe('E05011388');
    expect(m.byCode(' e05011388 ')?.name).toBe('Burmantofts & Richmond Hill');
  });

  it('falls back to the name and reports how each row was matched', () => {
    const text = spiCsv([
      { code: 'E05999901', name: 'Synthetic Ward A', year: '2023' },
      { code: '', name: 'SYNTHETIC WARD B', year: '2023' },
      { code: 'E05000123', name: 'Synthetic  Ward  C', year: '2023' },
      { code: 'E05999904', name: 'Synthetic Ward F', year: '2023' },
      { code: '', name: '"Synthetic Ward E North"', year: '2023' },
    ]);
    const r = parseSpiCsv(text, WARDS);
    expect(r.errors).toEqual([]);
    expect(r.data!.rows.map((x) => [x.wardCode, x.wardName])).toEqual([
      ['E05999901', 'Synthetic Ward A'],
      ['E05999902', 'Synthetic Ward B'],
      ['E05999903', 'Synthetic Ward C'],
      ['E05999904', 'Synthetic Ward D'],
      ['E05999905', 'Synthetic Ward E, North'],
    ]);
    const msgs = r.warnings.map((w) => w.message);
    expect(msgs).toContain(
      "row 4: ward code 'E05000123' is not in the ward list; matched by name 'Synthetic  Ward  C' to E05999903 Synthetic Ward C",
    );
    expect(msgs).toContain(
      "row 5: ward code E05999904 is Synthetic Ward D but ward name 'Synthetic Ward F' is E05999906; using the code",
    );
    expect(msgs).toContain('2 row(s) have no ward code and were matched by ward name (rows 3, 6)');
  });

  it('lists unmatched rows (left out of the data, not errors)', () => {
    const text = spiCsv([
      { ...A, year: '2023' },
      { code: 'E08000035', name: 'Leeds', year: '2023' },
      { code: '', name: '', year: '2023' },
      { code: '', name: 'Old Ward', year: '2023' },
    ]);
    const r = parseSpiCsv(text, WARDS);
    expect(r.errors).toEqual([]);
    expect(r.data!.rows).toHaveLength(1);
    expect(r.unmatched).toEqual([
      {
        row: 3,
        wardCode: 'E08000035',
        wardName: 'Leeds',
        year: '2023',
        reason: "ward code 'E08000035' is not in the ward list and ward name 'Leeds' matches no ward",
      },
      { row: 4, wardCode: '', wardName: '', year: '2023', reason: 'no ward code or name' },
      {
        row: 5,
        wardCode: '',
        wardName: 'Old Ward',
        year: '2023',
        reason: "no ward code and ward name 'Old Ward' matches no ward",
      },
    ]);
  });
});

describe('columns and warnings', () => {
  it('accepts labels and ONS names as headers', () => {
    const text = spiCsv([{ ...A, year: '2023' }])
      .replace('ward_code', 'WD24CD')
      .replace('nutrition_and_basic_medical_care', '"Nutrition & Basic Medical Care"')
      .replace(',spi,', ',Social Progress Index,');
    const r = parseSpiCsv(text, WARDS);
    expect(r.errors).toEqual([]);
    expect(r.data!.rows[0]?.scores.nutrition_and_basic_medical_care).toBe(50);
  });

  it('keeps a non-numeric extra column as text, with one warning', () => {
    const text = spiCsv(
      [
        { ...A, year: '2023', set: { committee: 'Outer North' } },
        { ...B, year: '2023', set: { committee: '' } },
      ],
      ['committee'],
    );
    const r = parseSpiCsv(text, WARDS);
    expect(r.data!.indicatorColumns).toEqual([]);
    expect(r.data!.rows[0]?.text).toEqual({ committee: 'Outer North' });
    expect(r.warnings.filter((w) => w.column === 'committee').map((w) => w.message)).toEqual([
      "column 'committee': row 2 has 'Outer North', which is not a number; the column is kept as text, not as an indicator",
    ]);
  });

  it('warns when an aggregate is far from the mean of its parts', () => {
    const text = spiCsv([{ ...A, year: '2023', set: { basic_human_needs: '60', spi: '40' } }]);
    const msgs = parseSpiCsv(text, WARDS).warnings.map((w) => w.message);
    expect(msgs).toContain("row 2, column 'basic_human_needs': 60 differs from the mean of its components (50.00)");
    // dimensions 60, 50, 50 → mean 53.33
    expect(msgs).toContain("row 2, column 'spi': 40 differs from the mean of the dimensions (53.33)");
  });

  it('takes component names from a framework config', () => {
    const { framework, errors } = parseFramework({
      dimensions: [
        { id: 'basic_human_needs', label: 'Basic Human Needs', components: [{ id: 'housing', label: 'Housing' }] },
        { id: 'opportunity', label: 'Opportunity', components: [{ id: 'skills', label: 'Skills & Learning' }] },
      ],
    });
    expect(errors).toEqual([]);
    const text =
      'ward_code,ward_name,year,spi,basic_human_needs,opportunity,housing,Skills and Learning\nE05999901,Synthetic Ward A,2023,50,40,60,40,60\n';
    const r = parseSpiCsv(text, WARDS, { framework: framework! });
    expect(r.errors).toEqual([]);
    expect(r.data!.rows[0]?.scores).toEqual({
      spi: 50,
      basic_human_needs: 40,
      opportunity: 60,
      housing: 40,
      skills: 60,
    });
    expect(r.data!.framework).toBe(framework);
  });

  it('rejects a bad framework config', () => {
    const r = parseFramework({ dimensions: [{ id: 'Bad Id', label: 'x', components: [{ id: 'spi', label: 'y' }] }] });
    expect(r.framework).toBeNull();
    expect(r.errors).toEqual([
      'dimensions[0]: id "Bad Id" must be snake_case (a-z, 0-9, _)',
      "dimensions[0].components[0]: id 'spi' is used twice or is a reserved column",
    ]);
    expect(parseFramework(DEFAULT_SPI_FRAMEWORK).framework).toEqual(DEFAULT_SPI_FRAMEWORK);
  });
});

import { describe, expect, it } from 'vitest';
import { parseCsv, parseNumber, toCsv } from '../../../src/domain/spi/csv';
import { csvField as csvCell } from '../../../src/domain/csv-writer';

describe('parseCsv (RFC 4180)', () => {
  it('strips a BOM and accepts CRLF, LF and CR line ends', () => {
    const { records, errors } = parseCsv('\ufeffa,b\r\n1,2\n3,4\r5,6');
    expect(errors).toEqual([]);
    expect(records.map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ]);
    expect(records.map((r) => r.row)).toEqual([1, 2, 3, 4]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks, counting spreadsheet rows', () => {
    const { records } = parseCsv('name,note\r\n"Ward, North","say ""hi""\r\nthere"\r\nx,y\r\n');
    expect(records[1]?.cells).toEqual(['Ward, North', 'say "hi"\nthere']);
    // The record after a 2-line field starts on physical line 4 but is spreadsheet row 3.
    expect(records[2]?.row).toBe(4);
  });

  it('skips blank and all-empty lines but still counts them', () => {
    const { records } = parseCsv('a,b\n\n,,\n1,2\n');
    expect(records.map((r) => [r.row, r.cells])).toEqual([
      [1, ['a', 'b']],
      [4, ['1', '2']],
    ]);
  });

  it('keeps an empty last field and an empty quoted field', () => {
    expect(parseCsv('a,b,c\n1,"",\n').records[1]?.cells).toEqual(['1', '', '']);
  });

  it('reports an unclosed quote with its row', () => {
    const { errors } = parseCsv('a,b\n1,"oops\n2,3\n');
    expect(errors).toEqual([{ row: 2, message: `row 2: a quoted field is never closed (missing '"')` }]);
  });

  it('writes cells that round-trip', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "x"')).toBe('"say ""x"""');
    const rows = [['a', 'b,c', 'd "e"', 'f\ng']];
    expect(parseCsv(toCsv(rows)).records[0]?.cells).toEqual(rows[0]);
  });

  it('writes through the shared writer: formula-guarded text, numeric negatives', () => {
    expect(toCsv([['=HYPERLINK("x")', -1.5, null, '@sum']])).toBe(`"'=HYPERLINK(""x"")",-1.5,,'@sum\r\n`);
  });
});

describe('parseNumber', () => {
  it('accepts plain decimals only', () => {
    expect(parseNumber(' 12.5 ')).toBe(12.5);
    expect(parseNumber('-3')).toBe(-3);
    expect(parseNumber('.5')).toBe(0.5);
    expect(parseNumber('1e2')).toBe(100);
    for (const bad of ['', 'NA', 'abc', '1,234', '12%', '1.2.3', 'Infinity']) expect(parseNumber(bad)).toBeNull();
  });
});

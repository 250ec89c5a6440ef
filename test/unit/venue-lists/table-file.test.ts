import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { readTable, serialDate, sniffFile } from '../../../src/domain/table-file';
import { buildXlsx } from '../../support/xlsx-builder';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('readTable: size and magic bytes first', () => {
  it('refuses a PDF, images, an old .xls, a binary and an empty file with a plain message', () => {
    expect(readTable('a.csv', bytes('%PDF-1.7\n...'))).toEqual({
      kind: 'refused',
      message: 'a.csv is a PDF, not a table: open it in a spreadsheet and save it as CSV or Excel workbook (.xlsx).',
    });
    expect(sniffFile('p.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d]))).toMatchObject({
      kind: 'refused',
      message: expect.stringContaining('PNG image'),
    });
    expect(sniffFile('p.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toMatchObject({
      message: expect.stringContaining('JPEG image'),
    });
    expect(sniffFile('o.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1]))).toMatchObject({
      message: expect.stringContaining('old Excel (.xls)'),
    });
    expect(readTable('b.csv', new Uint8Array([1, 2, 3, 0, 5]))).toMatchObject({
      kind: 'refused',
      message:
        'b.csv is a binary file, not a table: open it in a spreadsheet and save it as CSV or Excel workbook (.xlsx).',
    });
    expect(readTable('e.csv', new Uint8Array())).toEqual({
      kind: 'refused',
      message: 'e.csv is empty: there is nothing to import.',
    });
  });

  it('refuses a file of 50 MB without reading it', () => {
    const big = new Uint8Array(50 * 1024 * 1024);
    big.fill(0x61);
    expect(readTable('big.csv', big)).toMatchObject({
      kind: 'refused',
      message: expect.stringMatching(/^big\.csv is 50 MB, and files of 50 MB or more are not read/),
    });
  });

  it('reads a semicolon CSV in Windows-1252 with a comma decimal mark', () => {
    const body = 'Name;Postcode;Notes\r\nCaf\xe9 One;LS1 1AA;\xa35 entry\r\n';
    const t = readTable('w.csv', new Uint8Array([...body].map((c) => c.charCodeAt(0))));
    expect(t).toMatchObject({
      kind: 'table',
      format: 'csv',
      encoding: 'windows-1252',
      delimiter: ';',
      headers: ['Name', 'Postcode', 'Notes'],
    });
    if (t.kind === 'table') expect(t.rows).toEqual([{ row: 2, cells: ['Café One', 'LS1 1AA', '£5 entry'] }]);
  });

  it('reads a tab-separated UTF-8 file with a BOM', () => {
    const t = readTable('t.tsv', bytes('\ufeffName\tLat\tLon\nA\t53.8\t-1.5\n'));
    expect(t).toMatchObject({
      kind: 'table',
      delimiter: '\t',
      headers: ['Name', 'Lat', 'Lon'],
      rows: [{ row: 2, cells: ['A', '53.8', '-1.5'] }],
    });
  });
});

describe('readTable: .xlsx', () => {
  it('reads shared and inline strings, numbers, dates, gaps and row numbers of the first sheet', () => {
    const x = buildXlsx([
      ['Name', 'Postcode', 'Latitude', 'Start'],
      ['Test Hall <A> & "B"', 'LS1 1AA', 53.8, { date: 45292 }],
      [null, null, null, null],
      ['Second', null, 53.75, null],
    ]);
    const t = readTable('v.xlsx', x);
    expect(t).toMatchObject({ kind: 'table', format: 'xlsx', headers: ['Name', 'Postcode', 'Latitude', 'Start'] });
    if (t.kind !== 'table') throw new Error('not read');
    expect(t.rows).toEqual([
      { row: 2, cells: ['Test Hall <A> & "B"', 'LS1 1AA', '53.8', '2024-01-01'] },
      { row: 4, cells: ['Second', '', '53.75'] },
    ]);
  });

  it('refuses a zip that is not a workbook', () => {
    const zip = zipSync({ 'readme.txt': strToU8('hello') });
    expect(readTable('z.xlsx', zip)).toEqual({
      kind: 'refused',
      message:
        'z.xlsx could not be read as an Excel workbook: it is a zip file but not an Excel workbook (no xl/workbook.xml).',
    });
  });

  it('turns Excel serial days into ISO dates', () => {
    expect(serialDate(45292)).toBe('2024-01-01');
    expect(serialDate(45292.5)).toBe('2024-01-01 12:00');
  });
});

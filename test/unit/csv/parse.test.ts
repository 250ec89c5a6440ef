import { describe, expect, it } from 'vitest';
import { decodeText, detectDelimiter, parseDelimited } from '../../../src/domain/csv';

describe('parseDelimited (the one RFC 4180 reader)', () => {
  it('reads quoted separators, doubled quotes and multi-line cells, counting spreadsheet rows', () => {
    const { records, problems } = parseDelimited('\ufeffname,note\r\n"Hall, North","say ""hi""\r\nthere"\r\nx,y');
    expect(problems).toEqual([]);
    expect(records.map((r) => [r.row, r.cells])).toEqual([
      [1, ['name', 'note']],
      [2, ['Hall, North', 'say "hi"\nthere']],
      [4, ['x', 'y']],
    ]);
  });

  it('reads semicolon and tab files when told the separator', () => {
    expect(parseDelimited('a;b\n1;"2;3"\n', { delimiter: ';' }).records[1]?.cells).toEqual(['1', '2;3']);
    expect(parseDelimited('a\tb\n1\t2\n', { delimiter: '\t' }).records[1]?.cells).toEqual(['1', '2']);
  });

  it('drops all-empty rows unless asked to keep them, and keeps empty trailing fields', () => {
    expect(parseDelimited('a,b\n\n,,\n1,\n').records.map((r) => [r.row, r.cells])).toEqual([
      [1, ['a', 'b']],
      [4, ['1', '']],
    ]);
    expect(parseDelimited('a,b\n,\n', { keepEmptyRows: true }).records.map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['', ''],
    ]);
  });

  it('names an unclosed quote and a stray quote by row', () => {
    expect(parseDelimited('a,b\n1,"oops\n2,3\n').problems).toEqual([
      { row: 2, kind: 'unclosed-quote', message: `row 2: a quoted field is never closed (missing '"')` },
    ]);
    const stray = parseDelimited('a,b\n1,x"y\n');
    expect(stray.problems.map((p) => [p.row, p.kind])).toEqual([[2, 'stray-quote']]);
    expect(stray.records[1]?.cells).toEqual(['1', 'x"y']);
  });
});

describe('detectDelimiter', () => {
  it('finds commas, semicolons and tabs, and falls back to commas for one column', () => {
    expect(detectDelimiter('name,postcode\nA,LS1 1AA\n')).toBe(',');
    expect(detectDelimiter('name;postcode;lat\nA, B;LS1 1AA;53,8\nC;LS2 2BB;53,7\n')).toBe(';');
    expect(detectDelimiter('name\tpostcode\nA, B\tLS1 1AA\n')).toBe('\t');
    expect(detectDelimiter('name\nA\n')).toBe(',');
  });
});

describe('decodeText', () => {
  it('reads UTF-8 with or without a BOM, and Windows-1252 when the bytes are not UTF-8', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0xc2, 0xa3]))).toEqual({ text: 'A£', encoding: 'utf-8' });
    expect(decodeText(new TextEncoder().encode('Café'))).toEqual({ text: 'Café', encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0xa3, 0x35]))).toEqual({
      text: 'Café £5',
      encoding: 'windows-1252',
    });
  });
});

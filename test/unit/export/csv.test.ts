import { PEOPLE_DEFINITIONS } from '../../../src/data/people-contract';
import { describe, expect, it } from 'vitest';
import {
  RELEASE_TITLE,
  catchmentCsv,
  csvField,
  csvFileName,
  gapCsv,
  slugify,
  tableCsv,
  toCsv,
  wardLsoasCsv,
  type CsvCell,
} from '../../../src/domain/export/csv';
import { catchment, type LsoaLike } from '../../../src/domain/outreach/catchment';
import { communityHubs, gapLsoas, withNearbyInterventions } from '../../../src/domain/outreach/gaps';
import { realData, realInterventions } from '../outreach/real-data';
import { leedsCouncil } from '../content/helpers';
import { useInterventionTypes } from '../../../src/data/council';
import { postcodeCentroid } from '../outreach/independent';

/**
 * A small RFC 4180 reader written for this test. Preamble records are exactly two fields, "#" and
 * the line's text; they are returned as "# text" (so the assertions read like the file's intent).
 */
function parse(text: string): { preamble: string[]; records: string[][] } {
  const all: string[][] = [];
  let row: string[] = [];
  let f = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (q) {
      if (c === '"' && text[i + 1] === '"') {
        f += '"';
        i++;
      } else if (c === '"') q = false;
      else f += c;
    } else if (c === '"') q = true;
    else if (c === ',') {
      row.push(f);
      f = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(f);
      all.push(row);
      row = [];
      f = '';
      i++;
    } else f += c;
  }
  expect(f).toBe(''); // ends with CRLF
  const preamble: string[] = [];
  let k = 0;
  for (; k < all.length && all[k]![0] === '#'; k++) {
    expect(all[k]).toHaveLength(2);
    preamble.push(`# ${all[k]![1]}`);
  }
  return { preamble, records: all.slice(k) };
}

describe('csvField / toCsv (RFC 4180)', () => {
  it('quotes fields with comma, quote, CR or LF and doubles quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('Burmantofts & Richmond Hill')).toBe('Burmantofts & Richmond Hill');
    expect(csvField('Leeds, City of')).toBe('"Leeds, City of"');
    expect(csvField('the "Nowells"')).toBe('"the ""Nowells"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(NaN)).toBe('');
    expect(csvField(0)).toBe('0');
    expect(csvField(1.5)).toBe('1.5');
    expect(csvField(true)).toBe('yes');
    expect(csvField(false)).toBe('no');
  });

  it('neutralises formula injection in text cells, not in numbers', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tTAB')).toBe("'\tTAB");
    expect(csvField('=1,2')).toBe('"\'=1,2"');
    expect(csvField(-3)).toBe('-3'); // a number stays a number
    expect(csvField('a=b')).toBe('a=b'); // only a leading character matters
  });

  it('writes the preamble first, then header and rows, CRLF line ends; rejects ragged rows', () => {
    const text = toCsv(
      ['a', 'b'],
      [
        [1, 'x'],
        [null, 'y,z'],
      ],
      ['# Neighbourhood Atlas export', 'Release: synthetic'],
    );
    expect(text).toBe('#,Neighbourhood Atlas export\r\n#,Release: synthetic\r\na,b\r\n1,x\r\n,"y,z"\r\n');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(toCsv(['a'], [], ['multi\nline note'])).toBe('#,multi line note\r\na\r\n');
    expect(() => toCsv(['a', 'b'], [[1]])).toThrow(/row 1 has 1 cells/);
  });

  it('preamble lines: one quoted, formula-guarded field after "#", so commas and "=" in names stay text', () => {
    const text = toCsv(
      ['a'],
      [],
      ['Generated from: LSOAs of Synthetic Ward, North,=HYPERLINK("http://x")', '=1+1', 'plain'],
    );
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('#,"Generated from: LSOAs of Synthetic Ward, North,=HYPERLINK(""http://x"")"');
    expect(lines[1]).toBe("#,'=1+1");
    expect(lines[2]).toBe('#,plain');
    const { preamble } = parse(text);
    expect(preamble).toEqual([
      '# Generated from: LSOAs of Synthetic Ward, North,=HYPERLINK("http://x")',
      "# '=1+1",
      '# plain',
    ]);
  });

  it('builders: a ward name with a comma and "=" stays inside one preamble field', () => {
    const text = wardLsoasCsv([], { release: '2025', subject: 'Synthetic, =SUM(A1)' });
    const { preamble } = parse(text);
    expect(preamble).toContain('# Generated from: LSOAs of Synthetic, =SUM(A1) (0)');
    for (const line of text.split('\r\n').filter((l) => l.startsWith('#'))) expect(line).toMatch(/^#,("|[^",]*$)/);
  });

  it('round-trips through a parser (apostrophe guard aside)', () => {
    const header = ['Code', 'Name', 'Note'];
    const rows: CsvCell[][] = [
      ['E01999001', 'Synthetic, with comma', 'He said "hi"'],
      ['E01999002', 'Synthetic\r\nwith CRLF', ''],
      ['E01999003', '=cmd|calc', -7],
      ['E01999004', null, 12.25],
    ];
    const { preamble, records } = parse(toCsv(header, rows, ['# Synthetic preamble']));
    expect(preamble).toEqual(['# Synthetic preamble']);
    expect(records).toEqual([
      header,
      ['E01999001', 'Synthetic, with comma', 'He said "hi"'],
      ['E01999002', 'Synthetic\r\nwith CRLF', ''],
      ['E01999003', "'=cmd|calc", '-7'],
      ['E01999004', '', '12.25'],
    ]);
  });
});

describe('export builders on the real data', () => {
  const { lsoas, wardNames } = realData();
  const REGINALD = postcodeCentroid('LS7 3EX')!;

  it('catchmentCsv: preamble names the release and the straight-line radius; release in the column headers; totals', () => {
    const result = catchment(REGINALD, 800, lsoas, '2025');
    const text = catchmentCsv(result, { release: '2025', subject: 'Reginald Centre', wardNames });
    const { preamble, records } = parse(text);
    expect(preamble[0]).toBe('# Neighbourhood Atlas export: Leeds');
    expect(preamble[1]).toBe(`# Release: ${RELEASE_TITLE['2025']}`);
    expect(preamble).toContain(
      '# Generated from: catchment of 800 m (straight-line) around Reginald Centre (-1.53163, 53.81783)',
    );
    expect(preamble.find((l) => l.startsWith('# Totals:'))).toMatch(
      /^# Totals: 7 LSOAs; population \(mid-2015\) 13443 .*decile 1: 4/,
    );
    const [header, ...body] = records;
    expect(header).toContain('IMD national decile (IoD2025)');
    expect(header).toContain('Straight-line distance (m)');
    expect(body.map((r) => r[0])).toEqual(result.rows.map((r) => r.code));
    const decileCol = header!.indexOf('IMD national decile (IoD2025)');
    expect(body.filter((r) => r[decileCol] === '1')).toHaveLength(4);
    expect(body.every((r) => r.length === header!.length)).toBe(true);
    expect(body[0]![3]).toBe('Chapel Allerton');
    expect(
      csvFileName('catchment', {
        release: '2025',
        subject: 'Reginald Centre (Chapeltown Library / community hub)',
        distanceM: 800,
      }),
    ).toBe('leeds-catchment-800m-reginald-centre-iod2025.csv');
  });

  it('gapCsv: the Core Team question for Burmantofts & Richmond Hill, with what has already run nearby', () => {
    const iv = realInterventions();
    useInterventionTypes(leedsCouncil().interventionTypes);
    const { hubs } = communityHubs(iv, { hubTypes: new Set(['community_hub']) });
    const ward = 'E05011388';
    const rows = withNearbyInterventions(
      gapLsoas({ lsoas, hubs, maxDecile: 1, distanceM: 800, release: '2025', ward }),
      iv,
      800,
    );
    const ctx = {
      release: '2025' as const,
      subject: wardNames[ward]!,
      distanceM: 800,
      maxDecile: 1 as const,
      wardNames,
      nearbyRadiusM: 800,
      hubCount: hubs.length,
      peopleDefinition: PEOPLE_DEFINITIONS.file7,
    };
    const { preamble, records } = parse(gapCsv(rows, ctx));
    expect(preamble).toContain(
      '# Generated from: LSOAs in IMD national decile 1 (IoD2025) more than 800 m (straight-line) from every community hub, Burmantofts & Richmond Hill',
    );
    expect(preamble).toContain('# Release: English Indices of Deprivation 2025 (LSOA 2021)');
    const [header, ...body] = records;
    expect(header).toEqual([
      'LSOA code',
      'LSOA name',
      'Ward code',
      'Ward',
      'IMD national decile (IoD2025)',
      'IMD national rank (IoD2025)',
      'Population mid-2015 (where known)',
      'Population (mid-2022, IoD 2025 File 7)',
      'Dependent children aged 0–15 (mid-2022, IoD 2025 File 7)',
      'Older people aged 60 and over (mid-2022, IoD 2025 File 7)',
      'IDACI national decile (IoD2025)',
      'IDAOPI national decile (IoD2025)',
      'Nearest community hub',
      'Straight-line distance to nearest hub (m)',
      'Interventions within 800 m (straight-line)',
    ]);
    expect(body.map((r) => r[0])).toEqual(['E01011625', 'E01011618', 'E01011623', 'E01011348']);
    // Placed at the Cliftons/Lincoln Green area point (-1.50768, 53.80516), 320 m from E01011348's weighted centre.
    // Types are named by the council's vocabulary label.
    expect(body[3]![14]).toContain(
      'Lincoln Green community engagement events (Core Team project, 320 m, approximate location)',
    );
    useInterventionTypes([]);
    expect(csvFileName('gap', ctx)).toBe('leeds-gap-decile-1-800m-burmantofts-richmond-hill-iod2025.csv');
  });

  it('wardLsoasCsv: every LSOA of the ward, most deprived first', () => {
    const ward = 'E05011400';
    const wardRows = lsoas.filter((l) => l.properties.ward === ward);
    const { preamble, records } = parse(
      wardLsoasCsv(wardRows, { release: '2025', subject: wardNames[ward]!, wardNames }),
    );
    expect(preamble).toContain(`# Generated from: LSOAs of Killingbeck & Seacroft (${wardRows.length})`);
    const [header, ...body] = records;
    expect(body).toHaveLength(wardRows.length);
    const rank = header!.indexOf('IMD national rank (IoD2025)');
    const ranks = body.map((r) => Number(r[rank]));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(header).toContain('Most deprived 1% (IoD2025)');
    expect(csvFileName('ward', { release: '2025', subject: 'Killingbeck & Seacroft' })).toBe(
      'leeds-ward-lsoas-killingbeck-seacroft-iod2025.csv',
    );
  });

  it('carries the data attribution in the preamble, one line each', () => {
    const attribution = ['© OpenStreetMap contributors (ODbL); roads and rail as of June 2018', 'GeoNames (CC BY 4.0)'];
    const { preamble } = parse(
      wardLsoasCsv(lsoas.slice(0, 2), { release: '2025', subject: 'test', wardNames, attribution }),
    );
    expect(preamble).toContain('# Attribution: © OpenStreetMap contributors (ODbL); roads and rail as of June 2018');
    expect(preamble).toContain('# Attribution: GeoNames (CC BY 4.0)');
    expect(
      parse(wardLsoasCsv(lsoas.slice(0, 2), { release: '2025', subject: 'test', wardNames })).preamble.some((l) =>
        l.includes('Attribution'),
      ),
    ).toBe(false);
  });
});

describe('tableCsv and file names', () => {
  const rows: LsoaLike[] = [
    { properties: { code: 'E01999001', name: 'Synthetic One', ward: 'E05999001', y19_imd_d: 2 } },
    { properties: { code: 'E01999002', name: '=Synthetic Two', ward: 'E05999001' } },
  ];

  it('tags release-specific columns with the release and guards text', () => {
    const text = tableCsv(
      [
        { header: 'LSOA code', value: (r) => r.properties.code },
        { header: 'LSOA name', value: (r) => r.properties.name },
        { header: 'IMD decile', value: (r) => r.properties['y19_imd_d'] as number | undefined, releaseSpecific: true },
        { header: 'Rank (IoD2019)', value: () => null, releaseSpecific: true },
      ],
      rows,
      { release: '2019', subject: 'Synthetic table' },
    );
    const { preamble, records } = parse(text);
    expect(preamble).toContain('# Release: English Indices of Deprivation 2019 (LSOA 2011)');
    expect(records).toEqual([
      ['LSOA code', 'LSOA name', 'IMD decile (IoD2019)', 'Rank (IoD2019)'],
      ['E01999001', 'Synthetic One', '2', ''],
      ['E01999002', "'=Synthetic Two", '', ''],
    ]);
  });

  it('slugifies names and lets the context override the sources and add notes', () => {
    expect(slugify('Reginald Centre (Chapeltown Library / community hub)')).toBe('reginald-centre');
    expect(slugify('Seacroft Community Hub, Deacon House')).toBe('seacroft-community-hub-deacon-house');
    expect(slugify('Café Ünïcode')).toBe('cafe-unicode');
    expect(slugify('x'.repeat(100)).length).toBeLessThanOrEqual(60);
    expect(csvFileName('catchment', { release: '2025', distanceM: 1600 })).toBe('leeds-catchment-1600m-iod2025.csv');
    expect(csvFileName('gap', { release: '2019', maxDecile: 2, distanceM: 800 })).toBe(
      'leeds-gap-deciles-1-2-800m-iod2019.csv',
    );
    expect(csvFileName('table', { release: '2015', subject: 'Synthetic' })).toBe('leeds-table-synthetic-iod2015.csv');
    const text = tableCsv([{ header: 'a', value: () => 1 }], [0], {
      release: '2025',
      sources: ['Source: synthetic'],
      notes: ['Synthetic note'],
      generatedAt: '2026-01-01',
      description: 'synthetic',
    });
    expect(parse(text).preamble).toEqual([
      '# Neighbourhood Atlas export: Leeds',
      '# Release: English Indices of Deprivation 2025 (LSOA 2021)',
      '# Source: synthetic',
      '# Generated from: synthetic',
      '# Synthetic note',
      '# Exported: 2026-01-01',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { readerSource, withReaderSources } from '../../../src/domain/citations';
import type { InterventionsCollection } from '../../../src/data/content-contract';

// Synthetic citations in the format the pipeline writes ("<publisher>, <title>, <date>, para. <anchor> [<file>]").
const ONE = 'Synthetic Council, A Test Report (Board), 2019-02-13, para. 3.26 [001_abcdef.txt]';
const TWO = 'Synthetic Council, Another Report [draft], 2020, para. "Heading; with a semicolon" [002_fedcba.pdf]';

describe('citations as a reader sees them (issue 19.11)', () => {
  it('keep publisher, title, date and paragraph and drop the report file name', () => {
    expect(readerSource(ONE)).toBe('Synthetic Council, A Test Report (Board), 2019-02-13, para. 3.26');
    expect(readerSource(`${ONE}; ${TWO}`)).toBe(
      'Synthetic Council, A Test Report (Board), 2019-02-13, para. 3.26; Synthetic Council, Another Report [draft], 2020, para. "Heading; with a semicolon"',
    );
  });

  it('leave other sources whole: dataset paths and bracketed words that are not a file at the end of a citation', () => {
    const dataset =
      'Public libraries basic dataset (DCMS / Arts Council England) via LibrariesHacked: places/synthetic_libraries.csv';
    expect(readerSource(dataset)).toBe(dataset);
    expect(readerSource('Synthetic Council, Report [annex.txt] text, 2019, para. 1')).toBe(
      'Synthetic Council, Report [annex.txt] text, 2019, para. 1',
    );
  });

  it('rewrite every placed and city-wide item without changing the input', () => {
    const c: InterventionsCollection = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [0, 0] },
          properties: {
            id: 'a',
            type: 'other',
            name: 'A',
            precision: 'exact',
            precisionNote: '',
            description: '',
            outcomes: '[]',
            source: ONE,
            origin: 'report',
          },
        },
      ],
      unplaced: [],
      cityWide: [{ id: 'b', type: 'other', name: 'B', description: '', source: TWO, outcomes: [] }],
      merged: [],
    };
    const r = withReaderSources(c);
    expect(r.features[0]?.properties.source).toBe(readerSource(ONE));
    expect(r.cityWide[0]?.source).toBe(readerSource(TWO));
    expect(c.features[0]?.properties.source).toBe(ONE);
  });
});

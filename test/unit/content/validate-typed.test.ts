import { describe, expect, it } from 'vitest';
import {
  validateCitation,
  validateInterventions,
  validatePriorityAreas,
} from '../../../scripts/pipeline/interventions-validate';

// Synthetic content: codes are not real ONS codes.
const FILE = '001_853f00ae9c047183.txt';
const REPORTS = { [FILE]: { title: 'Synthetic report title', date: '2019-02-13' } };
const cite = { file: FILE, title: REPORTS[FILE].title, date: REPORTS[FILE].date, paragraph: '3.1' };
const ctx = {
  wardNames: new Map([['WTEST1', 'Synthetic Ward']]),
  lsoa21Codes: new Set(['LTEST1']),
  neighbourhoodIds: new Set(['hood-a']),
  reports: REPORTS,
  types: ['library', 'other'],
};
const root = { compiled: true, generatedBy: 'synthetic test fixture', sources: ['x'], notes: [] };
const item = {
  id: 'item-a',
  type: 'library',
  name: 'Synthetic Library',
  start: '2019',
  end: null,
  ward: null,
  neighbourhood: null,
  location: { kind: 'area', ward: 'WTEST1', note: 'synthetic' },
  description: 'A synthetic item.',
  outcomes: [{ label: 'visits', value: 3, unit: 'people' }],
  source: cite,
};

describe('content validators return typed values built from what they check', () => {
  it('an intervention comes back with its checked fields', () => {
    const out = validateInterventions({ ...root, items: [item] }, ctx, 'test.json');
    expect(out.items).toEqual([item]);
    expect(out.generatedBy).toBe('synthetic test fixture');
  });

  it('refuses an optional text field that is not text', () => {
    const bad = { ...item, outcomes: [{ label: 'visits', value: 3, unit: 7 }] };
    expect(() => validateInterventions({ ...root, items: [bad] }, ctx, 'test.json')).toThrow(
      'field "outcomes[0].unit": must be text',
    );
  });

  it('refuses root sources that are not a list of texts', () => {
    expect(() => validateInterventions({ ...root, sources: [1], items: [] }, ctx, 'test.json')).toThrow(
      'field "sources": must be a list of texts',
    );
  });

  it('a citation naming an inherited property is an unknown report, not a crash', () => {
    expect(() => validateCitation('test.json', 1, 'source', { ...cite, file: 'toString' }, REPORTS)).toThrow(
      'unknown report file "toString"',
    );
  });

  it('priority areas: the neighbourhood fields the build reads, name required', () => {
    const hood = {
      id: 'hood-a',
      name: 'Synthetic Hood',
      ward: { code: 'WTEST1', name: 'W' },
      membership: 'approximate',
      basis: 'synthetic',
      lsoa11: [],
      lsoa21: [{ code: 'LTEST1', from: 'L11', change: 'U' }],
      sources: [cite],
    };
    const pa = { ...root, priorityWards: [], neighbourhoods: [hood] };
    expect(validatePriorityAreas(pa, ctx, 'pa.json').neighbourhoods).toEqual([
      { id: 'hood-a', name: 'Synthetic Hood', ward: { code: 'WTEST1' }, lsoa21: [{ code: 'LTEST1' }] },
    ]);
    expect(() => validatePriorityAreas({ ...pa, neighbourhoods: [{ ...hood, name: '' }] }, ctx, 'pa.json')).toThrow(
      'field "name": missing',
    );
  });
});

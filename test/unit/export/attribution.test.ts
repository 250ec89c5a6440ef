import { describe, expect, it } from 'vitest';
import { iodAttribution } from '../../../scripts/pipeline/metadata';
import { RELEASE_LIST } from '../../../src/data/contract';

describe('the IoD attribution line (issue 19.11)', () => {
  it('names every release built, newest first, with its publisher from the release table', () => {
    expect(iodAttribution(RELEASE_LIST)).toBe(
      'Source: English Indices of Deprivation 2025 / 2019 / 2015, Ministry of Housing, Communities and Local Government.',
    );
  });

  it('groups releases by publisher when they differ, and lists only those built', () => {
    const releases = [
      { id: '2025', publisher: 'Synthetic Ministry A' },
      { id: '2019', publisher: 'Synthetic Ministry A' },
      { id: '2015', publisher: 'Synthetic Department B' },
    ];
    expect(iodAttribution(releases)).toBe(
      'Source: English Indices of Deprivation 2025 / 2019, Synthetic Ministry A; 2015, Synthetic Department B.',
    );
    expect(iodAttribution(releases.slice(0, 1))).toBe(
      'Source: English Indices of Deprivation 2025, Synthetic Ministry A.',
    );
  });
});

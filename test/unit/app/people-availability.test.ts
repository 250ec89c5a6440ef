import { describe, expect, it } from 'vitest';
import type { DataMetadata, PeopleMetadata, ReleaseMetadata } from '../../../src/data/contract';
import { indicatorsIn, unavailableReason } from '../../../src/domain/indicators';
import { populationSentence } from '../../../src/domain/people';

type Meta = Pick<DataMetadata, 'releases' | 'people'>;
const release = (indicators: ReleaseMetadata['indicators']): ReleaseMetadata => ({
  id: '2025', title: 'Synthetic', publisher: 'Synthetic', published: '2025-10-30', lsoaVintage: '2021', nationalCount: 33755, areaCount: 1,
  indicators, scored: indicators, mostDeprived1pc: 0, nationalDecile1: 0, sourceFile: 'synthetic.csv', downloadPage: 'https://example.invalid/',
});
const withoutFile7: Meta = {
  releases: [release(indicatorsIn('2025').filter((i) => i !== 'idc' && i !== 'ido'))],
  people: { available: false, sourceFile: 'indices/iod2025_file7_leeds_lsoa21.csv', reason: 'the IoD 2025 File 7 in this build\'s data sources covers only E08000035, not Bradford (0 of its 1 LSOAs)' },
};
const withFile7: Meta = {
  releases: [release(indicatorsIn('2025'))],
  people: { available: true, sourceFile: 'indices/iod2025_file7_leeds_lsoa21.csv', reference: 'mid-2022', totals: { pop22: 820802, chi22: 1, old22: 2, wa22: 3 } },
};

describe('IDACI / IDAOPI availability per build', () => {
  it('are available in 2025 when the build has them, and never in 2019/2015', () => {
    expect(unavailableReason('2025', 'idc', withFile7)).toBeNull();
    expect(unavailableReason('2025', 'ido', withFile7)).toBeNull();
    expect(unavailableReason('2019', 'idc', withFile7)).toMatch(/not in this build's data sources/);
  });

  it('are listed as not published in the sources for this area, with the pipeline\'s reason, when the build lacks File 7', () => {
    expect(unavailableReason('2025', 'idc', withoutFile7)).toBe(
      'IDACI and IDAOPI are not published in the sources for this area: the IoD 2025 File 7 in this build\'s data sources covers only E08000035, not Bradford (0 of its 1 LSOAs)',
    );
    expect(unavailableReason('2025', 'imd', withoutFile7)).toBeNull();
  });
});

describe('About: population line', () => {
  it('gives the total, mid-2022 and the source file, or says it is unavailable and why', () => {
    expect(populationSentence(withFile7.people)).toMatch(/^Population: 820,802 \(mid-2022\).*File 7.*indices\/iod2025_file7_leeds_lsoa21\.csv/);
    const none: PeopleMetadata = { available: false, sourceFile: null, reason: 'the data sources of this build hold no IoD 2025 File 7' };
    expect(populationSentence(none)).toBe('Population (mid-2022): unavailable, because the data sources of this build hold no IoD 2025 File 7.');
  });
});

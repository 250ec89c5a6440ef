import { describe, expect, it } from 'vitest';
import type { DataMetadata, PeopleMetadata, ReleaseMetadata } from '../../../src/data/contract';
import { indicatorsIn, unavailableReason } from '../../../src/domain/indicators';
import { PEOPLE_DEFINITIONS, type PopulationMetadata } from '../../../src/data/people-contract';
import { populationSentence } from '../../../src/domain/people';

type Meta = Pick<DataMetadata, 'releases' | 'people'>;
const release = (indicators: ReleaseMetadata['indicators']): ReleaseMetadata => ({
  id: '2025',
  title: 'Synthetic',
  publisher: 'Synthetic',
  published: '2025-10-30',
  lsoaVintage: '2021',
  nationalCount: 33755,
  areaCount: 1,
  indicators,
  scored: indicators,
  mostDeprived1pc: 0,
  nationalDecile1: 0,
  sourceFile: 'synthetic.csv',
  downloadPage: 'https://example.invalid/',
});
const withoutFile7: Meta = {
  releases: [release(indicatorsIn('2025').filter((i) => i !== 'idc' && i !== 'ido'))],
  people: {
    available: false,
    sourceFile: 'indices/iod2025_file7_leeds_lsoa21.csv',
    reason: "the IoD 2025 File 7 in this build's data sources covers only E08000035, not Bradford (0 of its 1 LSOAs)",
  },
};
const withFile7: Meta = {
  releases: [release(indicatorsIn('2025'))],
  people: {
    available: true,
    sourceFile: 'indices/iod2025_file7_leeds_lsoa21.csv',
    reference: 'mid-2022',
    totals: { pop22: 820802, chi22: 1, old22: 2, wa22: 3 },
  },
};

describe('IDACI / IDAOPI availability per build', () => {
  it('are available in 2025 when the build has them, and never in 2019/2015', () => {
    expect(unavailableReason('2025', 'idc', withFile7)).toBeNull();
    expect(unavailableReason('2025', 'ido', withFile7)).toBeNull();
    expect(unavailableReason('2019', 'idc', withFile7)).toMatch(/not in this build's data sources/);
  });

  it("are listed as not published in the sources for this area, with the pipeline's reason, when the build lacks File 7", () => {
    expect(unavailableReason('2025', 'idc', withoutFile7)).toBe(
      "IDACI and IDAOPI are not published in the sources for this area: the IoD 2025 File 7 in this build's data sources covers only E08000035, not Bradford (0 of its 1 LSOAs)",
    );
    expect(unavailableReason('2025', 'imd', withoutFile7)).toBeNull();
  });
});

describe('About: population line', () => {
  const file7: PopulationMetadata = {
    used: PEOPLE_DEFINITIONS.file7,
    sourceFile: 'indices/iod2025_file7_leeds_lsoa21.csv',
    totals: { population: 820802, children: 1, olderPeople: 2, workingAge: 3 },
    census: null,
    weightsNote: '',
  };
  const census: PopulationMetadata = {
    used: PEOPLE_DEFINITIONS.census2021,
    sourceFile: 'population/census2021_ts007a_lsoa21_england.csv',
    totals: { population: 154449, children: 28371, olderPeople: 36720, olderPeople65: 26210 },
    census: {
      sourceFile: 'population/census2021_ts007a_lsoa21_england.csv',
      totals: { c21pop: 154449, c21chi: 28371, c21old: 36720, c21o65: 26210 },
    },
    weightsNote: '',
  };
  it('gives the File 7 total with its definition and source file (Leeds)', () => {
    expect(populationSentence(withFile7.people, file7)).toMatch(
      /^Population: 820,802 \(population, mid-2022 \(IoD 2025 File 7\)\), of whom 1 dependent children aged 0–15, mid-2022 \(IoD 2025 File 7\); 2 older people aged 60 and over.*indices\/iod2025_file7_leeds_lsoa21\.csv/,
    );
  });
  it('gives the Census 2021 totals, 0–14 and 65+, and says File 7 is missing and why', () => {
    const line = populationSentence(withoutFile7.people, census);
    expect(line).toMatch(
      /^Population: 154,449 \(usual residents, Census 2021\), of whom 28,371 children aged 0–14, Census 2021; 36,720 people aged 60 and over, Census 2021; 26,210 people aged 65 and over, Census 2021/,
    );
    expect(line).toContain('covers only E08000035, not Bradford');
  });
  it('says it is unavailable and why without either', () => {
    const none: PeopleMetadata = {
      available: false,
      sourceFile: null,
      reason: 'the data sources of this build hold no IoD 2025 File 7',
    };
    expect(populationSentence(none)).toBe(
      'Population: unavailable, because the data sources of this build hold no IoD 2025 File 7.',
    );
  });
});

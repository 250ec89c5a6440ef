import { existsSync } from 'node:fs';
import path from 'node:path';
import type { IndicatorId, IodValues, ReleaseId } from '../../src/data/contract';
import { PEOPLE_DEFINITIONS, type PeopleRole, type PopulationMetadata } from '../../src/data/people-contract';
import { wardWeightsNote } from '../../src/domain/ward-people';
import { areaCensus, readCensus, type CensusPeople } from './census';
import type { SourceFiles } from './config';
import { areaSupplementary, readFile3 } from './file3';
import type { AreaPeople } from './file7';
import type { ReleaseData } from './join-iod';
import { cachedSource } from './source-cache';

/** Indicators a release has for this area beyond its table entry, and which of them carry a score. */
export type ExtraIndicators = Partial<Record<ReleaseId, { indicators: IndicatorId[]; scored: IndicatorId[] }>>;

export interface AreaCensus {
  file: string;
  values: Map<string, CensusPeople>;
  totals: CensusPeople;
}

/**
 * Census 2021 people for the area's LSOAs (every build whose sources have the census file) and, when
 * `release2025` is given (File 7 does not cover the area), IDACI / IDAOPI ranks and deciles from
 * File 3. The England files are parsed once per process (build:sites).
 */
export function censusAndSupplementary(
  dataDir: string,
  sources: SourceFiles,
  codes: readonly string[],
  release2025: ReleaseData | null,
): { census: AreaCensus | null; supplementary: { file: string; values: Map<string, IodValues> } | null } {
  const present = (file: string | undefined): file is string =>
    file !== undefined && existsSync(path.resolve(dataDir, file));
  const censusFile = sources.census;
  const census = present(censusFile)
    ? {
        file: censusFile,
        ...areaCensus(
          cachedSource(`census:${dataDir}:${censusFile}`, () => readCensus(dataDir, censusFile)),
          codes,
          censusFile,
        ),
      }
    : null;
  const file3 = sources.supplementary;
  const supplementary =
    release2025 && present(file3)
      ? {
          file: file3,
          values: areaSupplementary(
            cachedSource(`file3:${dataDir}:${file3}`, () => readFile3(dataDir, release2025.nationalCount, file3)),
            codes,
            release2025,
            file3,
          ),
        }
      : null;
  return { census, supplementary };
}

/** File 7: IDACI and IDAOPI with scores; File 3: ranks and deciles only. */
export function extraIndicatorsFor(file7: boolean, file3: boolean): ExtraIndicators {
  if (file7) return { '2025': { indicators: ['idc', 'ido'], scored: ['idc', 'ido'] } };
  if (file3) return { '2025': { indicators: ['idc', 'ido'], scored: [] } };
  return {};
}

/** metadata.json `population`: the people figures counted (File 7 where it covers the area, else Census 2021). */
export function populationMetadata(people: AreaPeople, census: AreaCensus | null): PopulationMetadata | undefined {
  const censusMeta = census ? { sourceFile: census.file, totals: census.totals } : null;
  if (people.available) {
    const used = PEOPLE_DEFINITIONS.file7;
    const totals: Partial<Record<PeopleRole, number>> = {
      population: people.totals.pop22,
      children: people.totals.chi22,
      olderPeople: people.totals.old22,
      workingAge: people.totals.wa22,
    };
    return { used, sourceFile: people.file, totals, census: censusMeta, weightsNote: wardWeightsNote(used) };
  }
  if (!census) return undefined;
  const used = PEOPLE_DEFINITIONS.census2021;
  const t = census.totals;
  return {
    used,
    sourceFile: census.file,
    totals: { population: t.c21pop, children: t.c21chi, olderPeople: t.c21old, olderPeople65: t.c21o65 },
    census: censusMeta,
    weightsNote: wardWeightsNote(used),
  };
}

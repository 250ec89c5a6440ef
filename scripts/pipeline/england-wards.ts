import { existsSync } from 'node:fs';
import path from 'node:path';
import { valueKey } from '../../src/data/contract';
import { PROFILE_DOMAINS, type EnglandWardsData, type ProfileDomain } from '../../src/data/england-wards-contract';
import { WARD_SCORE_WEIGHTS, weightedScore } from '../../src/domain/ward-people';
import { readCensus, type CensusPeople } from './census';
import { ENGLAND_SOURCES, type SourceFiles } from './config';
import type { ReleaseData } from './join-iod';
import { round } from './reproject';
import { cachedSource } from './source-cache';
import { readWard25Lookup, type Ward25Row } from './ward-lookup';

/** Decimal places kept per domain: rates (income, employment) to 0.01%, the other scores to 0.01 (3 significant figures as shown). */
const DECIMALS: Record<ProfileDomain, number> = { inc: 4, emp: 4, edu: 2, hea: 2, cri: 2, bar: 2, liv: 2 };

export const ENGLAND_WARDS_METHOD =
  'Every May 2025 electoral ward in England with an LSOA 2021 by the ONS best-fit lookup (LSOA 2021 → ward May 2025 → LAD 2025): each IoD 2025 domain score is the mean of its LSOAs’ scores weighted by Census 2021 usual residents (TS007A, all ages; Employment too, as the census has no 18–66 band), the same weights in every council so wards are comparable across England. Councils are the lookup’s LAD 2025, their scores weighted the same way over all their LSOAs.';

type Props = Record<string, unknown>;

function push(groups: Map<string, Props[]>, key: string, p: Props): void {
  const list = groups.get(key);
  if (list) list.push(p);
  else groups.set(key, [p]);
}

const weightOf = (d: ProfileDomain) => WARD_SCORE_WEIGHTS.find((w) => w.indicator === d)?.weight ?? 'population';

/** The domain scores of a set of LSOAs by the one ward-score aggregation (src/domain/ward-people.ts), rounded. */
function domainScores(members: readonly Props[]): Record<ProfileDomain, number | null> {
  const out: Partial<Record<ProfileDomain, number | null>> = {};
  for (const d of PROFILE_DOMAINS) {
    const s = weightedScore(members, d, weightOf(d));
    out[d] = s === null ? null : round(s, DECIMALS[d]);
  }
  return out as Record<ProfileDomain, number | null>;
}

/**
 * The England ward summaries from the parsed England-wide sources: every English LSOA (E01) of the
 * lookup with its IoD 2025 domain scores and Census 2021 people, grouped by ward and by council.
 */
export function englandWardSummaries(
  release2025: ReleaseData,
  census: ReadonlyMap<string, CensusPeople>,
  lookup: ReadonlyMap<string, Ward25Row>,
): EnglandWardsData {
  const byWard = new Map<string, Props[]>();
  const byCouncil = new Map<string, Props[]>();
  const wardInfo = new Map<string, { name: string; lad: string }>();
  const councilName = new Map<string, string>();
  for (const [code, row] of [...lookup].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (!code.startsWith('E01')) continue;
    const rec = release2025.records.get(code);
    const people = census.get(code);
    const props: Props = { code, ...people };
    for (const d of PROFILE_DOMAINS) {
      const s = rec?.values[d]?.s;
      if (s !== undefined) props[valueKey('2025', d, 's')] = s;
    }
    push(byWard, row.ward, props);
    push(byCouncil, row.lad, props);
    if (!wardInfo.has(row.ward)) wardInfo.set(row.ward, { name: row.wardName ?? row.ward, lad: row.lad });
    if (!councilName.has(row.lad)) councilName.set(row.lad, row.ladName ?? row.lad);
  }
  const councilCodes = [...byCouncil.keys()].sort();
  const councilIndex = new Map(councilCodes.map((c, i) => [c, i]));
  const codes = [...byWard.keys()].sort();
  const scores = Object.fromEntries(PROFILE_DOMAINS.map((d) => [d, [] as (number | null)[]])) as Record<
    ProfileDomain,
    (number | null)[]
  >;
  const data: EnglandWardsData = {
    version: 1,
    method: ENGLAND_WARDS_METHOD,
    codes,
    names: [],
    council: [],
    lsoas: [],
    population: [],
    scores,
    councils: councilCodes.map((code) => ({
      code,
      name: councilName.get(code) ?? code,
      scores: domainScores(byCouncil.get(code) ?? []),
    })),
  };
  for (const code of codes) {
    const members = byWard.get(code) ?? [];
    const info = wardInfo.get(code);
    data.names.push(info?.name ?? code);
    data.council.push(councilIndex.get(info?.lad ?? '') ?? -1);
    data.lsoas.push(members.length);
    data.population.push(members.reduce((a, m) => a + (typeof m['c21pop'] === 'number' ? m['c21pop'] : 0), 0));
    const s = domainScores(members);
    for (const d of PROFILE_DOMAINS) scores[d].push(s[d]);
  }
  return data;
}

/**
 * england-wards.json's content: the same for every council, so it is computed once per process
 * (build:sites builds 296 councils in one run). Null when the sources lack the census or the ward
 * lookup (synthetic test sources); the app then says the comparison is not available.
 */
export function englandWardsContent(dataDir: string, sources: SourceFiles, release2025: ReleaseData): string {
  const lookupFile = sources.lsoa21Ward25 ?? ENGLAND_SOURCES.lsoa21Ward25;
  const censusFile = sources.census;
  const present = (f: string | undefined): f is string => f !== undefined && existsSync(path.resolve(dataDir, f));
  return cachedSource(`england-wards:${dataDir}:${lookupFile}:${censusFile}`, () => {
    if (!present(lookupFile) || !present(censusFile)) return 'null';
    const lookup = cachedSource(`ward25:${dataDir}:${lookupFile}`, () => readWard25Lookup(dataDir, lookupFile));
    const census = cachedSource(`census:${dataDir}:${censusFile}`, () => readCensus(dataDir, censusFile));
    return JSON.stringify(englandWardSummaries(release2025, census, lookup));
  });
}

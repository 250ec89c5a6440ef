/**
 * People counts of LSOAs: the IoD 2025 File 7 population denominators (mid-2022) carried per LSOA
 * 2021 as `pop22`, `chi22`, `old22`, `wa22`, and the IDACI / IDAOPI national deciles. Pure.
 *
 * An LSOA counts whole: these are estimates for the whole LSOA, never split by a radius or a line.
 * Absent figures (a build without File 7) give null, never 0.
 */
import { valueKey, type PeopleMetadata } from '../data/contract';

export interface LsoaPeople {
  /** Total population, mid-2022. */
  population: number;
  /** Dependent children aged 0–15, mid-2022. */
  children: number;
  /** Older people aged 60 and over, mid-2022. */
  olderPeople: number;
  /** Working age 18–66, mid-2022 (the employment domain's denominator). */
  workingAge: number;
  /** IDACI national decile (1 = most deprived 10% in England), null when not published here. */
  idaciDecile: number | null;
  /** IDAOPI national decile, null when not published here. */
  idaopiDecile: number | null;
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The LSOA's people figures, or null when the build has none for it. */
export function lsoaPeople(props: Readonly<Record<string, unknown>>): LsoaPeople | null {
  const { pop22, chi22, old22, wa22 } = props;
  if (!finite(pop22) || !finite(chi22) || !finite(old22) || !finite(wa22)) return null;
  const idc = props[valueKey('2025', 'idc', 'd')];
  const ido = props[valueKey('2025', 'ido', 'd')];
  return { population: pop22, children: chi22, olderPeople: old22, workingAge: wa22, idaciDecile: finite(idc) ? idc : null, idaopiDecile: finite(ido) ? ido : null };
}

/** "Income-deprived" for the Core Team question: national decile 1 or 2 of IDACI / IDAOPI. */
export const INCOME_DEPRIVED_MAX_DECILE = 2;

export interface PeopleTotals {
  /** LSOAs counted. */
  lsoas: number;
  /** LSOAs without people figures (not included in the sums). */
  unknown: number;
  population: number;
  children: number;
  olderPeople: number;
  /** Children living in LSOAs in IDACI national decile 1–2. */
  childrenIdaci12: number;
  /** Older people living in LSOAs in IDAOPI national decile 1–2. */
  olderIdaopi12: number;
}

export function emptyPeopleTotals(): PeopleTotals {
  return { lsoas: 0, unknown: 0, population: 0, children: 0, olderPeople: 0, childrenIdaci12: 0, olderIdaopi12: 0 };
}

export function peopleTotals(list: readonly (LsoaPeople | null)[]): PeopleTotals {
  const t = emptyPeopleTotals();
  for (const p of list) {
    t.lsoas++;
    if (!p) {
      t.unknown++;
      continue;
    }
    t.population += p.population;
    t.children += p.children;
    t.olderPeople += p.olderPeople;
    if (p.idaciDecile !== null && p.idaciDecile <= INCOME_DEPRIVED_MAX_DECILE) t.childrenIdaci12 += p.children;
    if (p.idaopiDecile !== null && p.idaopiDecile <= INCOME_DEPRIVED_MAX_DECILE) t.olderIdaopi12 += p.olderPeople;
  }
  return t;
}

/** True when at least one counted LSOA has figures, i.e. the totals mean something. */
export function hasPeople(t: PeopleTotals): boolean {
  return t.lsoas > t.unknown;
}

/** Plain-language caveat shown next to every people count. */
export const PEOPLE_CAVEAT =
  'Mid-2022 population estimates (IoD 2025 denominators) for whole LSOAs: an LSOA counts in full when its population-weighted centre lies inside the distance.';

export const fmtCount = (n: number): string => n.toLocaleString('en-GB');

/** The About panel's population line: the area total from File 7 with its source, or why there is none. */
export function populationSentence(people: PeopleMetadata): string {
  if (!people.available) return `Population (mid-2022): unavailable, because ${people.reason}.`;
  const t = people.totals;
  return `Population: ${fmtCount(t.pop22)} (mid-2022), of whom ${fmtCount(t.chi22)} children aged 0–15 and ${fmtCount(t.old22)} people aged 60 and over: the sum over the area’s LSOAs of the population denominators in the English Indices of Deprivation 2025 File 7 (MHCLG, from ONS mid-2022 estimates; source file ${people.sourceFile}).`;
}

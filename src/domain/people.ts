/**
 * People counts of LSOAs. Each LSOA 2021 carries its figures under the keys its definition names
 * (src/data/people-contract.ts): IoD 2025 File 7's mid-2022 denominators where the sources hold File 7
 * for the area (Leeds), Census 2021 usual residents everywhere. A count is always a value together with
 * its definition (source, year, exact age band), so "children aged 0–14, Census 2021" is never shown
 * as "dependent children aged 0–15, mid-2022". Pure.
 *
 * An LSOA counts whole: these are figures for the whole LSOA, never split by a radius or a line.
 * Absent figures give null, never 0.
 */
import { valueKey, type PeopleMetadata } from '../data/contract';
import {
  PEOPLE_DEFINITIONS,
  PEOPLE_SOURCE_ORDER,
  type PeopleDefinition,
  type PeopleRole,
  type PopulationMetadata,
} from '../data/people-contract';
import { isFiniteNumber } from '../data/numeric';

export { PEOPLE_DEFINITIONS, type PeopleDefinition, type PeopleRole } from '../data/people-contract';

export interface LsoaPeople {
  /** Which figures these are (source, year, bands): File 7 when the LSOA has them, else Census 2021. */
  definition: PeopleDefinition;
  population: number;
  /** Children in the definition's band (0–15 File 7, 0–14 Census 2021). */
  children: number;
  /** People aged 60 and over. */
  olderPeople: number;
  /** People aged 65 and over (Census 2021 only), else null. */
  olderPeople65: number | null;
  /** Working age 18–66 (File 7 only, the employment domain's denominator), else null. */
  workingAge: number | null;
  /** IDACI national decile (1 = most deprived 10% in England), null when not published here. */
  idaciDecile: number | null;
  /** IDAOPI national decile, null when not published here. */
  idaopiDecile: number | null;
}

const finite = isFiniteNumber;

/** The definition of the people figures an LSOA carries (the first of PEOPLE_SOURCE_ORDER it has in full), or null. */
export function peopleDefinitionOf(props: Readonly<Record<string, unknown>>): PeopleDefinition | null {
  for (const id of PEOPLE_SOURCE_ORDER) {
    const def = PEOPLE_DEFINITIONS[id];
    const { population, children, olderPeople } = def.figures;
    if (finite(props[population.key]) && finite(props[children.key]) && finite(props[olderPeople.key])) return def;
  }
  return null;
}

/** The LSOA's figure for a role under a definition, or null when the definition or the LSOA lacks it. */
export function peopleFigure(
  props: Readonly<Record<string, unknown>>,
  def: PeopleDefinition,
  role: PeopleRole,
): number | null {
  const key = def.figures[role]?.key;
  const v = key === undefined ? undefined : props[key];
  return finite(v) ? v : null;
}

/** The LSOA's people figures, or null when the build has none for it. */
export function lsoaPeople(props: Readonly<Record<string, unknown>>): LsoaPeople | null {
  const definition = peopleDefinitionOf(props);
  if (!definition) return null;
  const get = (role: PeopleRole): number | null => peopleFigure(props, definition, role);
  const idc = props[valueKey('2025', 'idc', 'd')];
  const ido = props[valueKey('2025', 'ido', 'd')];
  return {
    definition,
    population: get('population') ?? 0,
    children: get('children') ?? 0,
    olderPeople: get('olderPeople') ?? 0,
    olderPeople65: get('olderPeople65'),
    workingAge: get('workingAge'),
    idaciDecile: finite(idc) ? idc : null,
    idaopiDecile: finite(ido) ? ido : null,
  };
}

/** "Income-deprived" for the Core Team question: national decile 1 or 2 of IDACI / IDAOPI. */
export const INCOME_DEPRIVED_MAX_DECILE = 2;

export interface PeopleTotals {
  /** The definition summed (that of the first LSOA with figures); null when none had any. */
  definition: PeopleDefinition | null;
  /** LSOAs counted. */
  lsoas: number;
  /** LSOAs without figures of that definition (not included in the sums). */
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
  return {
    definition: null,
    lsoas: 0,
    unknown: 0,
    population: 0,
    children: 0,
    olderPeople: 0,
    childrenIdaci12: 0,
    olderIdaopi12: 0,
  };
}

/**
 * One LSOA's step of peopleTotals: its figures added to the totals, or with `sign` -1 taken out
 * again (exact while the figures are whole numbers and of the totals' definition; the caller,
 * area-profile-sums.ts, checks both and resets `definition` when no LSOA with figures is left).
 */
export function addPeople(t: PeopleTotals, p: LsoaPeople | null, sign: 1 | -1 = 1): void {
  t.lsoas += sign;
  if (p && t.definition === null) t.definition = p.definition;
  if (!p || p.definition.id !== t.definition?.id) {
    t.unknown += sign;
    return;
  }
  t.population += sign * p.population;
  t.children += sign * p.children;
  t.olderPeople += sign * p.olderPeople;
  if (p.idaciDecile !== null && p.idaciDecile <= INCOME_DEPRIVED_MAX_DECILE) t.childrenIdaci12 += sign * p.children;
  if (p.idaopiDecile !== null && p.idaopiDecile <= INCOME_DEPRIVED_MAX_DECILE) t.olderIdaopi12 += sign * p.olderPeople;
}

/** Sums of one definition: an LSOA whose figures have another definition counts as unknown, never added in. */
export function peopleTotals(list: readonly (LsoaPeople | null)[]): PeopleTotals {
  const t = emptyPeopleTotals();
  for (const p of list) addPeople(t, p);
  return t;
}

/** True when at least one counted LSOA has figures, i.e. the totals mean something. */
export function hasPeople(t: PeopleTotals): boolean {
  return t.lsoas > t.unknown;
}

/** Plain-language caveat shown next to every people count, naming what the figures are. */
export function peopleCaveat(def: PeopleDefinition | null): string {
  const what = def ? `${def.source} figures (${def.description})` : 'Population figures';
  return `${what} for whole LSOAs: an LSOA counts in full when its population-weighted centre lies inside the distance.`;
}

/** When a build has no people figures at all. */
export const PEOPLE_UNAVAILABLE =
  'Population figures are unavailable: the data sources of this build hold neither IoD 2025 File 7 nor Census 2021 figures for this area.';

// One formatter for every count: `toLocaleString('en-GB')` gives the same text but sets up a formatter
// per call, which a profile of hundreds of figures redrawn per edit pays for.
const EN_GB = new Intl.NumberFormat('en-GB');
export const fmtCount = (n: number): string => EN_GB.format(n);

/** "12,345 people, including 2,345 children aged 0–14 and 1,234 people aged 60 and over — Census 2021". */
export function peopleCountSentence(t: PeopleTotals): string {
  const partial = t.unknown > 0 ? ` (${t.unknown} of ${t.lsoas} LSOAs without figures not counted)` : '';
  const f = t.definition?.figures;
  if (!f || !t.definition) return `no people figures${partial}`;
  return `${fmtCount(t.population)} people, including ${fmtCount(t.children)} ${f.children.what} and ${fmtCount(t.olderPeople)} ${f.olderPeople.what} — ${t.definition.source}${partial}`;
}

/** "2,345 children aged 0–14 live in LSOAs in IDACI decile 1–2 and 1,234 people aged 60 and over in IDAOPI decile 1–2". */
export function incomeDeprivedSentence(t: PeopleTotals): string {
  const f = t.definition?.figures;
  return `${fmtCount(t.childrenIdaci12)} ${f?.children.what ?? 'children'} live in LSOAs in IDACI decile 1–2 and ${fmtCount(t.olderIdaopi12)} ${f?.olderPeople.what ?? 'older people'} in IDAOPI decile 1–2`;
}

/**
 * The About panel's population line: the area totals of the figures counted, each with its definition,
 * or why there are none.
 */
export function populationSentence(people: PeopleMetadata, population?: PopulationMetadata): string {
  if (!population)
    return `Population: unavailable, because ${people.available ? 'the build recorded no totals' : people.reason}.`;
  const { used, totals } = population;
  const f = used.figures;
  const part = (role: PeopleRole): string | null => {
    const fig = f[role];
    const v = totals[role];
    return fig && v !== undefined ? `${fmtCount(v)} ${fig.label}` : null;
  };
  const parts = (['children', 'olderPeople', 'olderPeople65'] as const)
    .map(part)
    .filter((x): x is string => x !== null);
  const total = totals.population;
  return `Population: ${total === undefined ? 'not known' : `${fmtCount(total)} (${f.population.label})`}, of whom ${parts.join('; ')}: the sum over the area’s LSOAs of the ${used.description} (source file ${population.sourceFile}).${
    used.id === 'file7'
      ? ''
      : ` IoD 2025 File 7’s mid-2022 population denominators are not in this build’s sources for the area${people.available ? '' : ` (${people.reason})`}.`
  }`;
}

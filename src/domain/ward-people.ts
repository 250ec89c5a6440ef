/**
 * Ward people figures and population-weighted ward scores from the LSOA 2021 values (IoD 2025).
 *
 * Ward scores follow the IoD technical report's summaries for larger areas: the mean of the LSOA
 * scores weighted by the population the indicator is a rate of — IDACI by children, IDAOPI by older
 * people (60+), Employment by the working-age population (18–66), the IMD and every other domain by
 * the total population. Where File 7's mid-2022 denominators are absent the weights are Census 2021
 * figures (the census has no 18–66 band, so Employment is weighted by all usual residents), and every
 * weight's label says which. Higher score = more deprived, so rank 1 among the area's wards is the
 * most deprived. Pure.
 */
import { valueKey, type IndicatorId } from '../data/contract';
import type { PeopleDefinition, PeopleRole } from '../data/people-contract';
import { profile, propsTable } from './area-profile';
import { areaSet } from './area-set';
import { averageScore, measuredValue } from './iod-measures';
import { lsoaPeople, peopleDefinitionOf, peopleFigure } from './people';
import { numProp } from '../data/numeric';

/** The indicators a ward score is given for, and the population each is weighted by. */
export const WARD_SCORE_WEIGHTS: ReadonlyArray<{ indicator: IndicatorId; weight: PeopleRole }> = [
  { indicator: 'imd', weight: 'population' },
  { indicator: 'inc', weight: 'population' },
  { indicator: 'emp', weight: 'workingAge' },
  { indicator: 'edu', weight: 'population' },
  { indicator: 'hea', weight: 'population' },
  { indicator: 'cri', weight: 'population' },
  { indicator: 'bar', weight: 'population' },
  { indicator: 'liv', weight: 'population' },
  { indicator: 'idc', weight: 'children' },
  { indicator: 'ido', weight: 'olderPeople' },
];

/** The role a weight falls back to when the definition lacks it (Census 2021 has no 18–66 band). */
function weightRole(def: PeopleDefinition, role: PeopleRole): PeopleRole {
  return def.figures[role] ? role : 'population';
}

/** What a weight is, in words naming its source and band (and the substitution, when there is one). */
export function weightLabel(def: PeopleDefinition, role: PeopleRole): string {
  const used = def.figures[weightRole(def, role)] ?? def.figures.population;
  return weightRole(def, role) === role
    ? used.label
    : `${used.label} (no ${role === 'workingAge' ? 'working-age 18–66' : role} band in ${def.source})`;
}

/** One sentence: how this build's ward scores are weighted. */
export function wardWeightsNote(def: PeopleDefinition): string {
  if (def.id === 'file7') {
    return `Population-weighted ward scores are weighted, as the IoD technical report does, by each indicator’s denominator, ${def.source}: IDACI by dependent children aged 0–15, IDAOPI by older people aged 60 and over, Employment by the working-age population aged 18–66, the IMD and the other domains by the total population.`;
  }
  return `Population-weighted ward scores are weighted by ${def.source} figures, because IoD 2025 File 7’s mid-2022 denominators are not in the sources for this area: the IMD and every domain by all usual residents (Employment too: the census has no 18–66 band). The IoD technical report weights by the mid-2022 denominators, so these ward scores are close approximations.`;
}

type Props = Readonly<Record<string, unknown>>;
const num = numProp;

export interface WardPeople {
  definition: PeopleDefinition;
  population: number;
  children: number;
  olderPeople: number;
  /** People 65+ (Census 2021 only), else null. */
  olderPeople65: number | null;
  /** People in the ward's LSOAs in the national most deprived 10% (IMD, IoD 2025). */
  inMostDeprived10: number;
  /** inMostDeprived10 / population (0–1). */
  shareMostDeprived10: number;
}

/** Sums over the ward's LSOAs (the area-set profile); null when any LSOA lacks figures or their definitions differ (a partial or mixed sum would mislead). */
export function wardPeople(lsoas: readonly Props[]): WardPeople | null {
  if (lsoas.length === 0) return null;
  const table = propsTable(lsoas);
  const p = profile(areaSet('ward', '', '', { type: 'list' }, table.keys()), table, '2025');
  const definition = p.people.definition;
  if (!definition || p.people.unknown > 0 || p.lsoas < lsoas.length) return null;
  const { population, children, olderPeople } = p.people;
  const over65 = lsoas.map((l) => lsoaPeople(l)?.olderPeople65 ?? null);
  const olderPeople65 = over65.every((v): v is number => v !== null) ? over65.reduce((a, v) => a + v, 0) : null;
  return {
    definition,
    population,
    children,
    olderPeople,
    olderPeople65,
    inMostDeprived10: p.peopleIn10pc,
    shareMostDeprived10: population > 0 ? p.peopleIn10pc / population : 0,
  };
}

/**
 * Σ score × weight / Σ weight over the LSOAs (the IoD average score, iod-measures.ts); null when a score or
 * weight is missing, the LSOAs' people definitions differ, or the weights sum to 0.
 */
export function weightedScore(lsoas: readonly Props[], indicator: IndicatorId, weight: PeopleRole): number | null {
  const def = lsoas[0] ? peopleDefinitionOf(lsoas[0]) : null;
  if (!def) return null;
  const role = weightRole(def, weight);
  const rows = lsoas.map((l) => ({
    population: peopleDefinitionOf(l)?.id === def.id ? peopleFigure(l, def, role) : null,
    score: num(l, valueKey('2025', indicator, 's')),
    rank: null,
  }));
  const total = rows.reduce((a, r) => a + (r.population ?? 0), 0);
  return total > 0 ? measuredValue(averageScore(rows)) : null;
}

export interface WardScore {
  indicator: IndicatorId;
  weight: PeopleRole;
  /** The weight in words, naming source, year and band. */
  weightLabel: string;
  score: number;
  /** 1 = most deprived (highest score) among the wards with a score; ties share the better rank. */
  rank: number;
  /** Number of wards ranked. */
  of: number;
}

/** Ward code → its scores with ranks among all the area's wards. Wards without a score are left out of that ranking. */
export function wardScores(lsoas: readonly Props[]): Map<string, WardScore[]> {
  const byWard = new Map<string, Props[]>();
  for (const l of lsoas) {
    const w = l['ward'];
    if (typeof w !== 'string' || w === '') continue;
    byWard.set(w, [...(byWard.get(w) ?? []), l]);
  }
  const out = new Map<string, WardScore[]>([...byWard.keys()].map((w) => [w, []]));
  for (const { indicator, weight } of WARD_SCORE_WEIGHTS) {
    const scored = [...byWard].flatMap(([ward, members]) => {
      const score = weightedScore(members, indicator, weight);
      const def = members[0] ? peopleDefinitionOf(members[0]) : null;
      return score === null || !def ? [] : [{ ward, score, label: weightLabel(def, weight) }];
    });
    for (const { ward, score, label } of scored) {
      const rank = 1 + scored.filter((o) => o.score > score).length;
      out.get(ward)?.push({ indicator, weight, weightLabel: label, score, rank, of: scored.length });
    }
  }
  return out;
}

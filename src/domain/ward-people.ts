/**
 * Ward people figures and population-weighted ward scores from the LSOA 2021 values (IoD 2025).
 *
 * Ward scores follow the IoD technical report's summaries for larger areas: the mean of the LSOA
 * scores weighted by the population the indicator is a rate of — IDACI by children (0–15), IDAOPI
 * by older people (60+), Employment by the working-age population (18–66), the IMD and every other
 * domain by the total population (mid-2022, IoD 2025 File 7). Higher score = more deprived, so
 * rank 1 among the area's wards is the most deprived. Pure.
 */
import { valueKey, type IndicatorId, type PopulationKey } from '../data/contract';
import { profile, propsTable } from './area-profile';
import { areaSet } from './area-set';
import { averageScore, measuredValue } from './iod-measures';

/** The indicators a ward score is given for, and the population each is weighted by. */
export const WARD_SCORE_WEIGHTS: ReadonlyArray<{ indicator: IndicatorId; weight: PopulationKey }> = [
  { indicator: 'imd', weight: 'pop22' },
  { indicator: 'inc', weight: 'pop22' },
  { indicator: 'emp', weight: 'wa22' },
  { indicator: 'edu', weight: 'pop22' },
  { indicator: 'hea', weight: 'pop22' },
  { indicator: 'cri', weight: 'pop22' },
  { indicator: 'bar', weight: 'pop22' },
  { indicator: 'liv', weight: 'pop22' },
  { indicator: 'idc', weight: 'chi22' },
  { indicator: 'ido', weight: 'old22' },
];

export const WEIGHT_LABEL: Record<PopulationKey, string> = {
  pop22: 'total population',
  chi22: 'children 0–15',
  old22: 'older people 60+',
  wa22: 'working-age population 18–66',
};

type Props = Readonly<Record<string, unknown>>;
const num = (p: Props, key: string): number | null => {
  const v = p[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
};

export interface WardPeople {
  population: number;
  children: number;
  olderPeople: number;
  /** People in the ward's LSOAs in the national most deprived 10% (IMD, IoD 2025). */
  inMostDeprived10: number;
  /** inMostDeprived10 / population (0–1). */
  shareMostDeprived10: number;
}

/** Sums over the ward's LSOAs (the area-set profile); null when any LSOA lacks figures (a partial sum would mislead). */
export function wardPeople(lsoas: readonly Props[]): WardPeople | null {
  if (lsoas.length === 0) return null;
  const table = propsTable(lsoas);
  const p = profile(areaSet('ward', '', '', { type: 'list' }, table.keys()), table, '2025');
  if (p.people.unknown > 0 || p.lsoas < lsoas.length) return null;
  const { population, children, olderPeople } = p.people;
  return { population, children, olderPeople, inMostDeprived10: p.peopleIn10pc, shareMostDeprived10: population > 0 ? p.peopleIn10pc / population : 0 };
}

/** Σ score × weight / Σ weight over the LSOAs (the IoD average score, iod-measures.ts); null when a score or weight is missing or the weights sum to 0. */
export function weightedScore(lsoas: readonly Props[], indicator: IndicatorId, weight: PopulationKey): number | null {
  return measuredValue(averageScore(lsoas.map((l) => ({ population: num(l, weight), score: num(l, valueKey('2025', indicator, 's')), rank: null }))));
}

export interface WardScore {
  indicator: IndicatorId;
  weight: PopulationKey;
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
      return score === null ? [] : [{ ward, score }];
    });
    for (const { ward, score } of scored) {
      const rank = 1 + scored.filter((o) => o.score > score).length;
      out.get(ward)?.push({ indicator, weight, score, rank, of: scored.length });
    }
  }
  return out;
}

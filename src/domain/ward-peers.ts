/**
 * Wards like mine (issue 24 item 2): England's wards compared by their profile of the seven IoD 2025
 * domains. Each domain's population-weighted ward score is standardised across England's wards
 * (z = (score − mean) / standard deviation, so every domain counts the same whatever its units), and
 * two wards are as close as the straight-line (Euclidean) distance between their seven z-scores.
 * The peers of a ward are the k nearest other wards. Pure.
 */
import { PROFILE_DOMAINS, type EnglandWardsData, type ProfileDomain } from '../data/england-wards-contract';

/** How many peers a ward is shown. */
export const PEER_COUNT = 10;
/** A ward needs at least this many LSOAs 2021 (with all seven scores) to be compared at all. */
export const MIN_PROFILE_LSOAS = 1;
/** A z-score difference from the peers' median at least this large is named as a difference. */
export const NOTABLE_Z = 0.5;

export interface NationalWard {
  code: string;
  name: string;
  councilCode: string;
  councilName: string;
  lsoas: number;
  population: number;
  /** Scores in PROFILE_DOMAINS order; null where the file has none. */
  scores: (number | null)[];
}

/** The standardised table: only wards with all seven scores and enough LSOAs. */
export interface Standardised {
  wards: NationalWard[];
  /** Per domain (PROFILE_DOMAINS order): England wards' mean and standard deviation. */
  mean: number[];
  sd: number[];
  /** z-scores, row = ward (same order as `wards`). */
  z: number[][];
}

/** The file's columns as rows. */
export function nationalWards(data: EnglandWardsData): NationalWard[] {
  return data.codes.map((code, i) => {
    const council = data.councils[data.council[i] ?? -1];
    return {
      code,
      name: data.names[i] ?? code,
      councilCode: council?.code ?? '',
      councilName: council?.name ?? 'council not known',
      lsoas: data.lsoas[i] ?? 0,
      population: data.population[i] ?? 0,
      scores: PROFILE_DOMAINS.map((d) => data.scores[d][i] ?? null),
    };
  });
}

const complete = (w: NationalWard): boolean =>
  w.lsoas >= MIN_PROFILE_LSOAS && w.scores.every((s) => s !== null && Number.isFinite(s));

/** Mean and population standard deviation of each domain over the comparable wards, and their z-scores. */
export function standardise(all: readonly NationalWard[]): Standardised {
  const wards = all.filter(complete);
  const n = wards.length;
  const mean = PROFILE_DOMAINS.map((_, d) => wards.reduce((a, w) => a + (w.scores[d] ?? 0), 0) / (n || 1));
  const sd = PROFILE_DOMAINS.map((_, d) =>
    Math.sqrt(wards.reduce((a, w) => a + ((w.scores[d] ?? 0) - mean[d]!) ** 2, 0) / (n || 1)),
  );
  // A domain with no spread (every ward equal) says nothing about similarity: its z is 0 everywhere.
  const z = wards.map((w) => w.scores.map((s, d) => (sd[d]! > 0 ? ((s ?? 0) - mean[d]!) / sd[d]! : 0)));
  return { wards, mean, sd, z };
}

export function distance(a: readonly number[], b: readonly number[]): number {
  return Math.sqrt(a.reduce((sum, v, i) => sum + (v - (b[i] ?? 0)) ** 2, 0));
}

export interface Peer {
  ward: NationalWard;
  /** Euclidean distance in standard deviations over the seven domains; 0 = the same profile. */
  distance: number;
}

export interface DomainDifference {
  domain: ProfileDomain;
  score: number;
  peersMedian: number;
  /** (ward score − peers' median) / England's standard deviation: + = more deprived than its peers. */
  zDifference: number;
}

export type PeerResult =
  | {
      ok: true;
      ward: NationalWard;
      peers: Peer[];
      /** Median distance from this ward to every other comparable ward: what "close" is measured against. */
      typicalDistance: number;
      /** Comparable wards in England (the field the peers come from, the ward included). */
      field: number;
      differences: DomainDifference[];
    }
  | { ok: false; reason: string };

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** Why a ward cannot be compared, or null when it can. */
export function notComparable(ward: NationalWard | undefined): string | null {
  if (!ward)
    return 'This ward is not among England’s May 2025 wards that the ONS best-fit lookup gives an LSOA, so it has no national profile to compare.';
  if (ward.lsoas < MIN_PROFILE_LSOAS)
    return `This ward has ${ward.lsoas} LSOA${ward.lsoas === 1 ? '' : 's'} by the ONS best-fit lookup (at least ${MIN_PROFILE_LSOAS} needed), so it has no profile to compare.`;
  if (!complete(ward))
    return 'This ward lacks a score for at least one domain, so its profile cannot be compared with other wards.';
  return null;
}

/** The k wards whose standardised domain profile is nearest this ward's (the ward itself left out); ties by code. */
export function wardPeers(table: Standardised, code: string, k = PEER_COUNT): PeerResult {
  const i = table.wards.findIndex((w) => w.code === code);
  const ward = table.wards[i];
  if (!ward) {
    return { ok: false, reason: notComparable(undefined) ?? '' };
  }
  const own = table.z[i]!;
  const others = table.wards
    .map((w, j) => ({ ward: w, distance: distance(own, table.z[j]!) }))
    .filter((_, j) => j !== i);
  const sorted = [...others].sort((a, b) => a.distance - b.distance || a.ward.code.localeCompare(b.ward.code));
  const peers = sorted.slice(0, k);
  const differences = PROFILE_DOMAINS.map((domain, d): DomainDifference => {
    const score = ward.scores[d] ?? 0;
    const peersMedian = median(peers.map((p) => p.ward.scores[d] ?? 0));
    const sd = table.sd[d]!;
    return { domain, score, peersMedian, zDifference: sd > 0 ? (score - peersMedian) / sd : 0 };
  });
  return {
    ok: true,
    ward,
    peers,
    typicalDistance: median(others.map((o) => o.distance)),
    field: table.wards.length,
    differences,
  };
}

/** Plain words for the differences: which domains are notably more / less deprived than the peers'. */
export function describeDifferences(diffs: readonly DomainDifference[], label: (d: ProfileDomain) => string): string {
  const more = diffs.filter((d) => d.zDifference >= NOTABLE_Z).map((d) => label(d.domain));
  const less = diffs.filter((d) => d.zDifference <= -NOTABLE_Z).map((d) => label(d.domain));
  if (more.length === 0 && less.length === 0)
    return `On every domain this ward is within ${NOTABLE_Z} standard deviations of its peers’ median.`;
  const parts = [
    more.length > 0 ? `more deprived than its peers on ${more.join(', ')}` : '',
    less.length > 0 ? `less deprived than its peers on ${less.join(', ')}` : '',
  ].filter((s) => s !== '');
  return `This ward is ${parts.join('; ')} (by at least ${NOTABLE_Z} of England’s standard deviation from the peers’ median).`;
}

/** The method in words, for About (issue 24: state the method). */
export const PEER_METHOD = [
  `Ward summaries: every May 2025 electoral ward in England that the ONS best-fit lookup (LSOA 2021 → ward May 2025 → LAD 2025) gives an LSOA, with its council (the lookup’s LAD 2025) and, for each of the seven IoD 2025 domains, the mean of its LSOAs’ scores weighted by Census 2021 usual residents (all ages; Employment too, as the census has no 18–66 band). The same weights are used for every ward and council so that they compare across England; where this atlas’s own ward-scores table weights by IoD 2025 File 7’s mid-2022 denominators instead (councils whose File 7 rows are in the sources), its figures can differ slightly. The file (england-wards.json) loads when a ward is first opened.`,
  `Wards like mine: each domain score is standardised across England’s wards (z = (score − mean) / standard deviation, so each domain counts equally whatever its units); the distance between two wards is the Euclidean distance between their seven z-scores, in standard deviations. A ward’s peers are the ${PEER_COUNT} nearest other wards (ties by ward code); the profile gives each distance, the median distance from the ward to all others for scale, and for each domain the ward’s score against its peers’ median, naming a domain where they differ by at least ${NOTABLE_Z} standard deviations. A ward the lookup gives no LSOA (33 in England), or without a score in every domain, is not compared, and says so. Similar profiles do not mean similar places: the domains are relative measures of deprivation only.`,
  'England and the council as yardsticks: for each domain, the ward’s score against the distribution of England’s wards (the spine chart: least to most deprived ward, the middle 80% from the 10th to the 90th percentile, the median), and the council’s score by the same weights. The England percentile is the share of England’s other wards with a lower score (ties count half): “more deprived than P% of England’s wards”. The same facts are in the table under the chart.',
  'What moved: for an LSOA, each domain’s national decile and rank in IoD 2019 and 2025; for a ward or your own area, how many of its LSOAs were in England’s most deprived 10% and 20% of each domain in each release. Only LSOAs whose boundary did not change in 2021 (ONS change code U) are compared, and the others are listed. Ranks are relative: an area can move because others changed. IoD 2019 publishes no domain scores in these sources, so no population-weighted change in scores is given.',
] as const;

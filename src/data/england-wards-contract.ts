/**
 * england-wards.json: a summary of every May 2025 electoral ward in England, the same file in every
 * council's build (issue 24: "wards like mine", England and the council as yardsticks). Written by
 * scripts/pipeline/england-wards.ts from the England-wide sources, loaded on demand by a ward's
 * profile (never by the first view). Columnar, so it gzips small: row i of every array is ward i.
 */
import { SEVEN_DOMAINS } from './releases';

/** The seven IoD 2025 domains a ward profile is made of, in the file's column order. */
export const PROFILE_DOMAINS = SEVEN_DOMAINS;
export type ProfileDomain = (typeof PROFILE_DOMAINS)[number];

export interface EnglandWardsData {
  /** Schema version of this file. */
  version: 1;
  /** How the scores were made, in words (source, weights), for About and the profile. */
  method: string;
  /** Ward codes (WD25CD), sorted. */
  codes: string[];
  names: string[];
  /** Index into `councils` of each ward's council (LAD25 of the lookup). */
  council: number[];
  /** LSOAs 2021 of each ward by the ONS best-fit lookup. */
  lsoas: number[];
  /** Census 2021 usual residents of each ward (whole LSOAs). */
  population: number[];
  /** Population-weighted IoD 2025 score of each domain, one array per domain, row = ward; null = no score. */
  scores: Record<ProfileDomain, (number | null)[]>;
  /** The councils (LAD25 code and name) and their own population-weighted scores, by the same weights. */
  councils: { code: string; name: string; scores: Record<ProfileDomain, number | null> }[];
}

/** Null when the sources lack the England-wide files (synthetic test sources): the app says so. */
export type EnglandWardsFile = EnglandWardsData | null;

/**
 * build:sites writes this beside its index.html (`<sites dir>/sites.json`): the codes of the councils
 * whose atlas is there, so an atlas links a peer ward's atlas only where it was built.
 */
export const BUILT_SITES_FILE = 'sites.json';

export interface BuiltSites {
  councils: string[];
}

/**
 * What an export is about (release, area, subject, distance, sources…), and what follows from it for
 * every list: the preamble's lines, the release tag on release-specific headers, and the file name.
 */
import type { ReleaseId } from '../../data/contract';
import { byRelease } from '../../data/contract';
import { COUNCIL } from '../../data/council';
import { slugify } from '../../data/slug';
import type { PeopleDefinition } from '../people';

/** Full release titles for the preamble. */
export const RELEASE_TITLE = byRelease((r) => `${r.title} (LSOA ${r.lsoaVintage})`);

/** Short release tag for column headers and file names. */
export const RELEASE_TAG = byRelease((r) => r.tag);

export type ExportKind = 'catchment' | 'gap' | 'ward' | 'area' | 'table';

export interface ExportContext {
  release: ReleaseId;
  /** Overrides RELEASE_TITLE[release] (e.g. the title from metadata.json). */
  releaseTitle?: string;
  /** Default "Leeds". */
  area?: string;
  /** What the list is about: the hub/venue name, the ward name, "clicked point"… */
  subject?: string;
  /** Catchment radius or gap distance, metres. */
  distanceM?: number;
  /** Gap lists: decile 1 or deciles 1–2. */
  maxDecile?: 1 | 2;
  /** Replaces the default "Generated from" text. */
  description?: string;
  /** Ward code → name, for the ward-name column. */
  wardNames?: Readonly<Record<string, string>>;
  /** Extra preamble lines (e.g. how the hubs were chosen). */
  notes?: readonly string[];
  /** Replaces the default source lines. */
  sources?: readonly string[];
  /** ISO date/time of the export; omitted when absent (keeps the output deterministic). */
  generatedAt?: string;
  /** The data's attribution lines (metadata.attribution), one preamble line each. */
  attribution?: readonly string[];
  /** The build's people figures (metadata.population.used): they name the people columns. Without it, the rows' own. */
  peopleDefinition?: PeopleDefinition | null;
  /** How LSOAs were put in wards (metadata.json council.wards); default the loaded council's. */
  wards?: { method: 'lookup' | 'centroid'; vintage: string } | null;
}

/** The ward method as the source line states it, from the built metadata (never one council's method for all). */
export function wardMethodSource(w: { method: 'lookup' | 'centroid'; vintage: string } | null | undefined): string {
  if (!w) return 'LSOA 2021 to ward assignment as the built metadata states it';
  return w.method === 'lookup'
    ? `LSOA 2021 to ward (${w.vintage}) best-fit lookup`
    : `wards (${w.vintage}) by the ward containing each LSOA 2021 population-weighted centroid`;
}

/** The release's short tag, e.g. "IoD2025". */
export const releaseTag = (c: ExportContext) => RELEASE_TAG[c.release];
/** A release-specific column's header, with the release's tag unless it names it already. */
export const withReleaseTag = (header: string, c: ExportContext) =>
  header.includes(releaseTag(c)) ? header : `${header} (${releaseTag(c)})`;

function defaultSources(c: ExportContext): string[] {
  return [
    `Source: ${c.releaseTitle ?? RELEASE_TITLE[c.release]}, Ministry of Housing, Communities and Local Government (Open Government Licence v3.0); national decile 1 = most deprived 10% of LSOAs in England, rank 1 = most deprived`,
    `Source: Office for National Statistics, LSOA 2021 population-weighted centroids and ${wardMethodSource(c.wards === undefined ? COUNCIL.wardMethod : c.wards)} (Open Government Licence v3.0)`,
    'Population: mid-2015 estimates (IoD2019 denominators), only for LSOAs unchanged since 2011; blank = not known',
  ];
}

/** The preamble's plain-text lines: what, release, sources, how generated, then the list's own lines. */
export function preamble(c: ExportContext, generatedFrom: string, extra: readonly string[] = []): string[] {
  // Plain text: toCsv turns each into a guarded preamble line.
  return [
    `Neighbourhood Atlas export: ${c.area ?? 'Leeds'}`,
    `Release: ${c.releaseTitle ?? RELEASE_TITLE[c.release]}`,
    ...(c.sources ?? defaultSources(c)),
    `Generated from: ${c.description ?? generatedFrom}`,
    ...extra,
    ...(c.notes ?? []),
    ...(c.attribution ?? []).map((a) => `Attribution: ${a}`),
    ...(c.generatedAt ? [`Exported: ${c.generatedAt}`] : []),
  ];
}

/** e.g. csvFileName('catchment', {release:'2025', distanceM:800, subject:'Reginald Centre'}) → "leeds-catchment-800m-reginald-centre-iod2025.csv". */
export function csvFileName(kind: ExportKind, c: ExportContext): string {
  const kindPart = kind === 'ward' ? 'ward-lsoas' : kind === 'area' ? 'area-lsoas' : kind;
  const parts = [slugify(c.area ?? 'Leeds'), kindPart];
  if (kind === 'gap') parts.push(c.maxDecile === 2 ? 'deciles-1-2' : 'decile-1');
  if ((kind === 'catchment' || kind === 'gap') && c.distanceM !== undefined) parts.push(`${Math.round(c.distanceM)}m`);
  if (c.subject) parts.push(slugify(c.subject));
  parts.push(releaseTag(c).toLowerCase());
  return `${parts.filter(Boolean).join('-')}.csv`;
}

/** The ward-name column: from the context's names, else empty. */
export const wardName = (code: string, c: ExportContext) => c.wardNames?.[code] ?? null;
/** Distances in whole metres. */
export const metres = (m: number) => Math.round(m);

/** The columns that open every per-LSOA table: who the LSOA is, and where it stands in England. */
export const lsoaIdentityHeader = (c: ExportContext): string[] => [
  'LSOA code',
  'LSOA name',
  'Ward code',
  'Ward',
  withReleaseTag('IMD national decile', c),
  withReleaseTag('IMD national rank', c),
];

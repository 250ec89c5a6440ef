import { GEOGRAPHIES, type LsoaGeographyId } from '../data/geographies';
import {
  byRelease,
  INDICATOR_INFO,
  releaseEntry,
  type DataMetadata,
  type IndicatorId,
  type IndicatorInfo,
  type ReleaseId,
} from '../data/contract';

export { INDICATOR_INFO } from '../data/contract';
export type { IndicatorInfo, IndicatorKind } from '../data/contract';

/** What each release publishes (src/data/releases.ts), including what only an optional source carries. */
export function indicatorsIn(release: ReleaseId): IndicatorId[] {
  const entry = releaseEntry(release);
  return [...entry.indicators, ...(entry.optionalSources ?? []).flatMap((o) => o.indicators)];
}

/**
 * Why an indicator is not available in a release, or null when it is. Shown next to the disabled
 * option. With the build's metadata, an indicator of an optional source this build's sources lack
 * for the area (IDACI/IDAOPI without File 7) is unavailable too, with the pipeline's reason.
 */
export function unavailableReason(
  release: ReleaseId,
  indicator: IndicatorId,
  meta?: Pick<DataMetadata, 'releases' | 'people'>,
): string | null {
  if (!indicatorsIn(release).includes(indicator)) return releaseEntry(release).missingReason;
  const built = meta?.releases.find((r) => r.id === release)?.indicators;
  if (!built || built.includes(indicator)) return null;
  const optional = (releaseEntry(release).optionalSources ?? []).find((o) => o.indicators.includes(indicator));
  const why = meta?.people.available === false ? meta.people.reason : "they are not in this build's data sources";
  return `${optional?.note ?? "Not in this build's data sources"}: ${why}`;
}

export function indicatorInfo(id: IndicatorId): IndicatorInfo {
  const found = INDICATOR_INFO.find((i) => i.id === id);
  if (!found) throw new Error(`Unknown indicator ${id}`);
  return found;
}

export const RELEASE_LABEL = byRelease((r) => r.label);

/** Which LSOA geography a release is published on (its vintage in the geography table), and so which map layer shows it. */
export function lsoaVintage(release: ReleaseId): LsoaGeographyId {
  const vintage = releaseEntry(release).lsoaVintage;
  const geo = GEOGRAPHIES.find((g) => g.kind === 'lsoa' && g.vintage === vintage);
  if (geo?.kind !== 'lsoa') throw new Error(`No LSOA geography of vintage ${vintage}`);
  return geo.id;
}

import { byRelease, INDICATOR_INFO, releaseEntry, type IndicatorId, type IndicatorInfo, type ReleaseId } from '../data/contract';

export { INDICATOR_INFO } from '../data/contract';
export type { IndicatorInfo, IndicatorKind } from '../data/contract';

/** What each release publishes (src/data/releases.ts). */
export function indicatorsIn(release: ReleaseId): IndicatorId[] {
  return [...releaseEntry(release).indicators];
}

/** Why an indicator is not available in a release, or null when it is. Shown next to the disabled option. */
export function unavailableReason(release: ReleaseId, indicator: IndicatorId): string | null {
  if (indicatorsIn(release).includes(indicator)) return null;
  return releaseEntry(release).missingReason;
}

export function indicatorInfo(id: IndicatorId): IndicatorInfo {
  const found = INDICATOR_INFO.find((i) => i.id === id);
  if (!found) throw new Error(`Unknown indicator ${id}`);
  return found;
}

export const RELEASE_LABEL = byRelease((r) => r.label);

/** Which LSOA vintage a release is published on, and so which map layer shows it. */
export function lsoaVintage(release: ReleaseId): 'lsoa21' | 'lsoa11' {
  const vintage = releaseEntry(release).lsoaVintage;
  switch (vintage) {
    case '2021':
      return 'lsoa21';
    case '2011':
      return 'lsoa11';
    default: {
      const unreachable: never = vintage;
      return unreachable;
    }
  }
}

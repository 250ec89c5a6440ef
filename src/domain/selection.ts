/**
 * Selection rules, pure: which feature a selection shows, which release its profile may show, what
 * to fit the camera to, and what to tell a screen reader. The Solid glue is src/state/selection-store.ts.
 */
import type { ReleaseId } from '../data/contract';
import type { LsoaFeature, WardFeature } from '../data/load';
import { featureBBox, type AreaIndex } from './area-index';
import type { BBox } from './geometry';
import { lsoaVintage, RELEASE_LABEL } from './indicators';
import type { Selection } from './views';

export type AreaKind = 'lsoa' | 'ward';

/**
 * The LSOA a selection shows: the area of the release's vintage when it exists, else the other one
 * (a 2011 code kept across the 2021 change, or a 2021 code under a 2011-based release).
 */
export function selectedLsoa(sel: Selection, index: AreaIndex, release: ReleaseId): LsoaFeature | null {
  if (sel?.kind !== 'lsoa') return null;
  const preferred = lsoaVintage(release) === 'lsoa11' ? index.lsoa11.get(sel.code) : index.lsoa21.get(sel.code);
  return preferred ?? index.lsoa21.get(sel.code) ?? index.lsoa11.get(sel.code) ?? null;
}

export function selectedWard(sel: Selection, index: AreaIndex): WardFeature | null {
  return sel?.kind === 'ward' ? (index.wards.get(sel.code) ?? null) : null;
}

/** Whether an LSOA feature is one of the 2011 areas (not the 2021 area of the same code). */
function isLsoa11(lsoa: LsoaFeature, index: AreaIndex): boolean {
  return index.lsoa11.get(lsoa.properties.code) === lsoa;
}

/** The release an LSOA's profile can show: a 2011-based release only for 2011 areas, else IoD 2025. */
export function lsoaProfileRelease(lsoa: LsoaFeature | null, index: AreaIndex, release: ReleaseId): ReleaseId {
  return lsoa !== null && isLsoa11(lsoa, index) && lsoaVintage(release) === 'lsoa11' ? release : '2025';
}

/** The release a ward profile shows: a 2011-based release once its areas have loaded, else IoD 2025. */
export function wardRelease(index: AreaIndex, release: ReleaseId): ReleaseId {
  return lsoaVintage(release) === 'lsoa11' && index.lsoa11.size > 0 ? release : '2025';
}

/** A ward's LSOA features in the vintage of the release its profile shows, sorted by code. */
export function wardLsoaFeatures(index: AreaIndex, wardCode: string, release: ReleaseId): LsoaFeature[] {
  const [byWard, lookup] =
    wardRelease(index, release) === '2025' ? [index.lsoa21ByWard, index.lsoa21] : [index.lsoa11ByWard, index.lsoa11];
  return (byWard.get(wardCode) ?? []).flatMap((c) => {
    const f = lookup.get(c);
    return f ? [f] : [];
  });
}

/** Why the LSOA shown is not of the vintage the release asks for; null when it is. */
export function vintageNote(lsoa: LsoaFeature | null, index: AreaIndex, release: ReleaseId): string | null {
  if (!lsoa) return null;
  const wanted = lsoaVintage(release);
  const shown = isLsoa11(lsoa, index) ? 'lsoa11' : 'lsoa21';
  if (wanted === shown) return null;
  return wanted === 'lsoa11'
    ? `This LSOA 2021 area has no IoD ${release} figures of its own (its boundary changed in 2021); its IoD 2025 profile is shown.`
    : `This LSOA 2011 area was replaced in 2021; its ${RELEASE_LABEL[release]} profile is not available. Choose IoD 2019 or 2015 to see it.`;
}

/** The feature a ward or LSOA code names (an LSOA 2021 first, then 2011). */
export function areaFeature(kind: AreaKind, code: string, index: AreaIndex): LsoaFeature | WardFeature | null {
  return (kind === 'lsoa' ? (index.lsoa21.get(code) ?? index.lsoa11.get(code)) : index.wards.get(code)) ?? null;
}

/** A small box around a venue, so fitting to it shows its street. */
export function venueBBox([lon, lat]: readonly [number, number] | readonly number[]): BBox {
  const x = lon ?? 0;
  const y = lat ?? 0;
  return [x - 0.004, y - 0.0025, x + 0.004, y + 0.0025];
}

/** What a link opened with a selection (and no camera) fits to; venues wait for their data. */
export function initialFit(sel: Selection, hasCamera: boolean, index: AreaIndex): BBox | null {
  if (!sel || hasCamera || sel.kind === 'venue') return null;
  const f = sel.kind === 'lsoa' ? index.lsoa21.get(sel.code) : index.wards.get(sel.code);
  return f ? featureBBox(f) : null;
}

export function areaSelectedMessage(kind: AreaKind, name: string): string {
  return `Selected ${kind === 'ward' ? 'ward' : 'LSOA'} ${name}. Its profile is shown in the details panel.`;
}

export function venueSelectedMessage(name: string): string {
  return `Selected ${name}. Its details are shown in the details panel.`;
}

export const SELECTION_CLEARED = 'Selection cleared.';

/**
 * Selection rules, pure: which feature a selection shows, which release its profile may show, what
 * to fit the camera to, and what to tell a screen reader. The Solid glue is src/state/selection-store.ts.
 */
import type { ReleaseId } from '../data/contract';
import { LSOA_GEOGRAPHY_IDS, WARD_GEOGRAPHY_IDS, type LsoaGeographyId } from '../data/geographies';
import type { LsoaFeature, WardFeature } from '../data/load';
import { featureBBox, type AreaIndex } from './area-index';
import type { BBox } from './geometry';
import { lsoaVintage, RELEASE_LABEL } from './indicators';
import type { Selection } from './views';

export type AreaKind = 'lsoa' | 'ward';

/** The LSOA of a code in the first LSOA level (table order, src/data/geographies.ts) that has it. */
function anyLsoa(code: string, index: AreaIndex): LsoaFeature | null {
  for (const id of LSOA_GEOGRAPHY_IDS) {
    const f = index[id].get(code);
    if (f) return f;
  }
  return null;
}

/**
 * The LSOA a selection shows: the area of the release's vintage when it exists, else another level's
 * (a 2011 code kept across the 2021 change, or a 2021 code under a 2011-based release).
 */
export function selectedLsoa(sel: Selection, index: AreaIndex, release: ReleaseId): LsoaFeature | null {
  if (sel?.kind !== 'lsoa') return null;
  return index[lsoaVintage(release)].get(sel.code) ?? anyLsoa(sel.code, index);
}

export function selectedWard(sel: Selection, index: AreaIndex): WardFeature | null {
  return sel?.kind === 'ward' ? anyWard(sel.code, index) : null;
}

function anyWard(code: string, index: AreaIndex): WardFeature | null {
  for (const id of WARD_GEOGRAPHY_IDS) {
    const f = index[id].get(code);
    if (f) return f;
  }
  return null;
}

/** The LSOA level an LSOA feature is from (the level whose index holds this very feature). */
function levelOf(lsoa: LsoaFeature, index: AreaIndex): LsoaGeographyId | undefined {
  return LSOA_GEOGRAPHY_IDS.find((id) => index[id].get(lsoa.properties.code) === lsoa);
}

/** The release an LSOA's profile can show: the release when the LSOA is of its vintage, else IoD 2025. */
export function lsoaProfileRelease(lsoa: LsoaFeature | null, index: AreaIndex, release: ReleaseId): ReleaseId {
  return lsoa !== null && levelOf(lsoa, index) === lsoaVintage(release) ? release : '2025';
}

/** The release a ward profile shows: the release once the areas of its vintage have loaded, else IoD 2025. */
export function wardRelease(index: AreaIndex, release: ReleaseId): ReleaseId {
  return index[lsoaVintage(release)].size > 0 ? release : '2025';
}

/** A ward's LSOA features in the vintage of the release its profile shows, sorted by code. */
export function wardLsoaFeatures(index: AreaIndex, wardCode: string, release: ReleaseId): LsoaFeature[] {
  const level = lsoaVintage(wardRelease(index, release));
  return (index.lsoasByWard[level].get(wardCode) ?? []).flatMap((c) => {
    const f = index[level].get(c);
    return f ? [f] : [];
  });
}

/** Why the LSOA shown is not of the vintage the release asks for; null when it is. */
export function vintageNote(lsoa: LsoaFeature | null, index: AreaIndex, release: ReleaseId): string | null {
  if (!lsoa) return null;
  const wanted = lsoaVintage(release);
  const shown = levelOf(lsoa, index) ?? wanted;
  if (wanted === shown) return null;
  return wanted === 'lsoa11'
    ? `This LSOA 2021 area has no IoD ${release} figures of its own (its boundary changed in 2021); its IoD 2025 profile is shown.`
    : `This LSOA 2011 area was replaced in 2021; its ${RELEASE_LABEL[release]} profile is not available. Choose IoD 2019 or 2015 to see it.`;
}

/** The feature a ward or LSOA code names (LSOA levels in table order: 2021 first, then 2011). */
export function areaFeature(kind: AreaKind, code: string, index: AreaIndex): LsoaFeature | WardFeature | null {
  return kind === 'lsoa' ? anyLsoa(code, index) : anyWard(code, index);
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
  const f = areaFeature(sel.kind, sel.code, index);
  return f ? featureBBox(f) : null;
}

export function areaSelectedMessage(kind: AreaKind, name: string): string {
  return `Selected ${kind === 'ward' ? 'ward' : 'LSOA'} ${name}. Its profile is shown in the details panel.`;
}

export function venueSelectedMessage(name: string): string {
  return `Selected ${name}. Its details are shown in the details panel.`;
}

export const SELECTION_CLEARED = 'Selection cleared.';

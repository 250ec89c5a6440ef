/**
 * Interventions layer: validates the curated content (content/interventions.json,
 * content/priority-areas.json; ./interventions-validate), reads the places files from the sources
 * directory (open libraries; the compiled named-venues file; ./interventions-sources), geocodes by
 * postcode centroid or places items in their neighbourhood/ward (./interventions-place), and
 * returns a GeoJSON FeatureCollection of points (public/geo/interventions.json) plus the items it
 * could not place, with reasons.
 *
 * Pure apart from reading files. Output order is stable (type, then id) so rebuilds are
 * byte-identical.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { PipelineError } from './errors';
import {
  INTERVENTION_TYPES,
  type ContentIntervention,
  type InterventionsCollection,
  type UnplacedIntervention,
} from '../../src/data/content-contract';
import { areaPoint, createPlacer, type Draft, type Poly } from './interventions-place';
import { PLACES_FILES, readPlacesFile, readPostcodeCentroids, slug, VENUE_TYPES } from './interventions-sources';
import { CONTENT_FILES, citationText, validateInterventions, validatePriorityAreas } from './interventions-validate';

export interface BuildInterventionsInput {
  sourcesDir: string;
  contentDir: string;
  areaCode: string;
  lsoa21: FeatureCollection;
  wards: FeatureCollection;
}

export interface BuildInterventionsResult {
  collection: InterventionsCollection;
  unplaced: UnplacedIntervention[];
  /** Non-fatal notes (e.g. a declared ward that differs from the point's ward). */
  warnings: string[];
}

const TYPE_ORDER = new Map(INTERVENTION_TYPES.map((t, i) => [t, i]));

export function buildInterventions(input: BuildInterventionsInput): BuildInterventionsResult {
  const { sourcesDir, contentDir, areaCode } = input;
  const readJson = (f: string): unknown => {
    try {
      return JSON.parse(readFileSync(join(contentDir, f), 'utf8'));
    } catch (e) {
      throw new PipelineError({ file: join(contentDir, f), message: `not readable JSON: ${(e as Error).message}` });
    }
  };

  // --- geography
  const wardPolys = new Map<string, Poly>();
  for (const f of input.wards.features) {
    const p = f.properties ?? {};
    if (p.LAD24CD !== undefined && p.LAD24CD !== areaCode) continue;
    const code = String(p.WD24CD ?? p.code);
    wardPolys.set(code, f as Poly);
  }
  const lsoaPolys = new Map<string, Poly>();
  for (const f of input.lsoa21.features) lsoaPolys.set(String(f.properties?.LSOA21CD ?? f.properties?.code), f as Poly);

  // --- content
  const pa = validatePriorityAreas(readJson(CONTENT_FILES.priorityAreas), {
    wardCodes: new Set(wardPolys.keys()),
    lsoa21Codes: new Set(lsoaPolys.keys()),
  }, join(contentDir, CONTENT_FILES.priorityAreas));
  const hoods = new Map(pa.neighbourhoods.map((h) => [h.id, h]));
  const content = validateInterventions(readJson(CONTENT_FILES.interventions), {
    wardCodes: new Set(wardPolys.keys()),
    lsoa21Codes: new Set(lsoaPolys.keys()),
    neighbourhoodIds: new Set(hoods.keys()),
  }, join(contentDir, CONTENT_FILES.interventions));

  // --- postcodes
  const postcodes = readPostcodeCentroids(sourcesDir);
  const { features, unplaced, warnings, merged, emit, geocode, claim } = createPlacer({ areaCode, wardPolys, postcodes });

  // --- report items
  const reportDrafts: Array<{ d: Draft; it: ContentIntervention }> = content.items.map((it) => ({
    it,
    d: {
      id: it.id,
      type: it.type,
      name: it.name,
      origin: 'report',
      start: it.start,
      end: it.end,
      declaredWard: it.ward,
      neighbourhood: it.neighbourhood,
      description: it.description,
      outcomes: it.outcomes,
      source: [it.source, ...(it.otherSources ?? [])].map(citationText).join('; '),
      ...(it.location.kind === 'postcode' ? { postcode: it.location.postcode } : {}),
    },
  }));
  for (const { d } of reportDrafts) claim(d);

  for (const { d, it } of reportDrafts) {
    const loc = it.location;
    switch (loc.kind) {
      case 'latlon':
        emit(d, [loc.lon, loc.lat], 'exact', loc.precision);
        break;
      case 'postcode':
        geocode(d, loc.postcode);
        break;
      case 'area': {
        if (loc.neighbourhood) {
          const h = hoods.get(loc.neighbourhood)!;
          if (h.lsoa21.length === 0) {
            unplaced.push({ id: d.id, name: d.name, origin: 'report', reason: `neighbourhood ${h.id} has no default LSOAs to place it in` });
            break;
          }
          const pt = areaPoint(h.lsoa21.map((s) => lsoaPolys.get(s.code)!));
          d.neighbourhood ??= h.id;
          const note = `approximate: placed in its neighbourhood (${h.name}; default LSOA membership, no official boundary)${loc.note ? `. ${loc.note}` : ''}`;
          emit(d, pt, 'area', note, h.ward.code);
        } else {
          const code = loc.ward!;
          const pt = areaPoint([wardPolys.get(code)!]);
          const name = String(wardPolys.get(code)!.properties?.WD24NM ?? code);
          emit(d, pt, 'area', `approximate: placed in its ward (${name}); the location is not in the sources${loc.note ? `. ${loc.note}` : ''}`, code);
        }
        break;
      }
      case 'none':
        unplaced.push({ id: d.id, name: d.name, origin: 'report', reason: loc.reason });
        break;
    }
  }

  // --- named venues (compiled)
  for (const r of readPlacesFile(sourcesDir, PLACES_FILES.venues)) {
    const name = r.name ?? '';
    const firstType = (r.type ?? '').split(';')[0]!.trim();
    const type = VENUE_TYPES[firstType] ?? 'other';
    const d: Draft = {
      id: `venue-${slug(name.replace(/\(.*?\)/g, ''))}`,
      type,
      name,
      origin: 'named-venues',
      description: `Venue named in the council's reports (${r.address || 'address not given'}).`,
      outcomes: [],
      source: `${PLACES_FILES.venues} (compiled): ${r.source ?? ''}`,
      ...(r.postcode ? { postcode: r.postcode } : {}),
    };
    if (!r.postcode) {
      unplaced.push({ id: d.id, name, origin: 'named-venues', reason: `no postcode in ${PLACES_FILES.venues} (status: ${r.status || 'not stated'}; address: ${r.address || 'none'})` });
      continue;
    }
    if (claim(d)) geocode(d, r.postcode);
  }

  // --- open libraries
  for (const r of readPlacesFile(sourcesDir, PLACES_FILES.libraries)) {
    if ((r['Year closed'] ?? '') !== '') continue;
    const name = r['Library name'] ?? '';
    const hub = /community hub/i.test(r['Co-located with'] ?? '');
    const address = [r['Address 1'], r['Address 2'], r['Address 3'], r.Postcode].filter(Boolean).join(', ');
    const d: Draft = {
      id: `library-${slug(name)}`,
      type: hub ? 'community_hub' : 'library',
      name,
      origin: 'libraries',
      description: `Public library${hub ? ' co-located with a Community Hub' : ''}; ${address}.`,
      outcomes: [],
      source: `Public libraries basic dataset (DCMS / Arts Council England) via LibrariesHacked: ${PLACES_FILES.libraries}`,
      ...(r.Postcode ? { postcode: r.Postcode } : {}),
    };
    if (!r.Postcode) {
      unplaced.push({ id: d.id, name, origin: 'libraries', reason: `no postcode in ${PLACES_FILES.libraries}` });
      continue;
    }
    // A library at the postcode of a named venue of the same type is the same building.
    if (claim(d)) geocode(d, r.Postcode);
    else {
      const into = merged[merged.length - 1]!.into;
      const f = features.find((x) => x.properties.id === into);
      if (f && !f.properties.description.includes(name)) f.properties.description += ` Listed in the public libraries dataset as "${name}".`;
    }
  }

  features.sort((a, b) =>
    (TYPE_ORDER.get(a.properties.type)! - TYPE_ORDER.get(b.properties.type)!) || a.properties.id.localeCompare(b.properties.id));
  unplaced.sort((a, b) => a.origin.localeCompare(b.origin) || a.id.localeCompare(b.id));
  merged.sort((a, b) => a.id.localeCompare(b.id));
  warnings.sort();

  return { collection: { type: 'FeatureCollection', features, unplaced, merged }, unplaced, warnings };
}

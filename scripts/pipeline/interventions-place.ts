/**
 * Placing interventions on the map: geocoding by postcode centroid, placing items in their
 * neighbourhood or ward, and merging duplicates (one feature per postcode and type).
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { booleanPointInPolygon, centroid, featureCollection, pointOnFeature, union } from '@turf/turf';
import type {
  InterventionOrigin,
  InterventionProperties,
  InterventionsCollection,
  InterventionType,
  Outcome,
  UnplacedIntervention,
} from '../../src/data/content-contract';
import { postcodeKey } from '../../src/data/postcode';
import { PLACES_FILES } from './interventions-sources';

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

export type Poly = Feature<Polygon | MultiPolygon>;

/** A point inside the union of the polygons: its centroid when that lies inside, else turf pointOnFeature. */
export function areaPoint(polys: Poly[]): [number, number] {
  let shape: Poly;
  if (polys.length === 1) shape = polys[0]!;
  else {
    const u = union(featureCollection(polys));
    if (!u) throw new Error('areaPoint: empty union');
    shape = u;
  }
  const c = centroid(shape).geometry.coordinates as [number, number];
  const p = booleanPointInPolygon(c, shape) ? c : (pointOnFeature(shape).geometry.coordinates as [number, number]);
  return [round5(p[0]), round5(p[1])];
}

/** An intervention from any origin, before it is placed. */
export interface Draft {
  id: string;
  type: InterventionType;
  name: string;
  origin: InterventionOrigin;
  start?: string | null;
  end?: string | null;
  declaredWard?: string | null;
  neighbourhood?: string | null;
  description: string;
  outcomes: Outcome[];
  source: string;
  postcode?: string;
}

export interface PlacerInput {
  areaCode: string;
  wardPolys: Map<string, Poly>;
  /** Normalised postcode → [lon, lat], or null when the source row has no coordinates. */
  postcodes: Map<string, [number, number] | null>;
}

/** Collects placed features, unplaced items, merged duplicates and warnings while items are placed. */
export function createPlacer({ areaCode, wardPolys, postcodes }: PlacerInput) {
  const features: InterventionsCollection['features'] = [];
  const unplaced: UnplacedIntervention[] = [];
  const warnings: string[] = [];
  const merged: InterventionsCollection['merged'] = [];

  const wardAt = (c: [number, number]): string | undefined => {
    for (const [code, poly] of wardPolys) if (booleanPointInPolygon(c, poly)) return code;
    return undefined;
  };

  const emit = (d: Draft, coords: [number, number], precision: InterventionProperties['precision'], precisionNote: string, areaWard?: string) => {
    const ward = areaWard ?? wardAt(coords);
    if (d.declaredWard && ward && d.declaredWard !== ward) {
      warnings.push(`${d.id}: declared ward ${d.declaredWard} but the point lies in ${ward}; kept the declared ward`);
    }
    if (!ward && !d.declaredWard) warnings.push(`${d.id}: point lies in no ward of ${areaCode}`);
    const props: InterventionProperties = {
      id: d.id,
      type: d.type,
      name: d.name,
      precision,
      precisionNote,
      description: d.description,
      outcomes: JSON.stringify(d.outcomes),
      source: d.source,
      origin: d.origin,
    };
    if (d.start) props.start = d.start;
    if (d.end) props.end = d.end;
    const w = d.declaredWard ?? ward;
    if (w) props.ward = w;
    if (d.neighbourhood) props.neighbourhood = d.neighbourhood;
    features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [round5(coords[0]), round5(coords[1])] }, properties: props });
  };

  const geocode = (d: Draft, pc: string) => {
    const key = postcodeKey(pc);
    if (!postcodes.has(key)) {
      const why = /^LS\d/.test(key) ? 'is not in' : 'is outside the LS area covered by';
      unplaced.push({ id: d.id, name: d.name, origin: d.origin, reason: `postcode ${key} ${why} ${PLACES_FILES.postcodes}` });
      return;
    }
    const c = postcodes.get(key);
    if (!c) {
      unplaced.push({ id: d.id, name: d.name, origin: d.origin, reason: `postcode ${key} has no coordinates in ${PLACES_FILES.postcodes}` });
      return;
    }
    emit(d, c, 'postcode', `postcode centroid (${key}), not the building`);
  };

  // Dedupe: one feature per (postcode, type); priority report > named-venues > libraries.
  const taken = new Map<string, string>();
  const claim = (d: Draft): boolean => {
    if (!d.postcode) return true;
    const k = `${postcodeKey(d.postcode)}|${d.type}`;
    const into = taken.get(k);
    if (into) { merged.push({ id: d.id, into }); return false; }
    taken.set(k, d.id);
    return true;
  };

  return { features, unplaced, warnings, merged, emit, geocode, claim };
}

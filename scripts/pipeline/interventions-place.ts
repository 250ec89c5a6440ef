/**
 * Placing interventions on the map: geocoding by postcode centroid, placing items in their
 * neighbourhood or ward, and merging duplicates (one feature per postcode and type).
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { booleanPointInPolygon, centroid, featureCollection, union } from '@turf/turf';
import type {
  InterventionOrigin,
  InterventionProperties,
  InterventionsCollection,
  InterventionType,
  Outcome,
  UnplacedIntervention,
} from '../../src/data/content-contract';
import { postcodeKey } from '../../src/data/postcode';
import type { ProblemList } from './errors';
import type { PostcodeLookup } from './interventions-sources';

/** Where a point came from, so a point outside the council fails naming the file, the item and the field. */
export interface DraftOrigin {
  file: string;
  item: string;
  field: string;
}

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

export type Poly = Feature<Polygon | MultiPolygon>;

/**
 * A point inside the union of the polygons: its centroid when that lies inside, else a point well
 * inside one member. The fallback matters when members do not touch (Boggart Hill's three LSOAs):
 * the centroid then falls between them, and turf pointOnFeature returned a boundary vertex, which
 * the simplified boundaries on the map could leave outside every member.
 */
export function areaPoint(polys: Poly[]): [number, number] {
  let shape: Poly;
  if (polys.length === 1) shape = polys[0]!;
  else {
    const u = union(featureCollection(polys));
    if (!u) throw new Error('areaPoint: empty union');
    shape = u;
  }
  const c = centroid(shape).geometry.coordinates as [number, number];
  const p = booleanPointInPolygon(c, shape) ? c : widestChordMidpoint(polys);
  return [round5(p[0]), round5(p[1])];
}

/**
 * The middle of the widest east-west chord through any member polygon (scanned at nine latitudes
 * per polygon part; even-odd, so holes are excluded): half that width from the nearest edge along
 * the chord, so boundary simplification does not move it outside.
 */
export function widestChordMidpoint(polys: Poly[]): [number, number] {
  let best: { width: number; point: [number, number] } | undefined;
  for (const f of polys) {
    const parts = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const rings of parts) {
      const lats = rings[0]!.map((q) => q[1]!);
      const [south, north] = [Math.min(...lats), Math.max(...lats)];
      for (let k = 1; k <= 9; k++) {
        const y = south + ((north - south) * k) / 10;
        const xs: number[] = [];
        for (const ring of rings) {
          for (let i = 0; i + 1 < ring.length; i++) {
            const [ax, ay] = ring[i] as [number, number];
            const [bx, by] = ring[i + 1] as [number, number];
            if (ay <= y !== by <= y) xs.push(ax + ((y - ay) * (bx - ax)) / (by - ay));
          }
        }
        xs.sort((a, b) => a - b);
        for (let i = 0; i + 1 < xs.length; i += 2) {
          const width = xs[i + 1]! - xs[i]!;
          if (!best || width > best.width) best = { width, point: [(xs[i]! + xs[i + 1]!) / 2, y] };
        }
      }
    }
  }
  if (!best) throw new Error('areaPoint: no polygon with area');
  return best.point;
}

/** An intervention from any origin, before it is placed. */
export interface Draft {
  id: string;
  type: InterventionType;
  name: string;
  origin: InterventionOrigin;
  start?: string | null;
  end?: string | null;
  dateNote?: string;
  declaredWard?: string | null;
  neighbourhood?: string | null;
  description: string;
  outcomes: Outcome[];
  source: string;
  postcode?: string;
  /** Where the item is declared (content file or places file, item or row, field). */
  at: DraftOrigin;
}

export interface PlacerInput {
  areaCode: string;
  wardPolys: Map<string, Poly>;
  postcodes: PostcodeLookup;
  /** A point in no ward of the area is a problem with its file (the build fails after placing everything). */
  problems: ProblemList;
}

/**
 * Collects placed features, unplaced items, merged duplicates and warnings while items are placed.
 * A point outside every ward of the area is recorded in `problems`: one council's build never shows
 * another council's places.
 */
export function createPlacer({ areaCode, wardPolys, postcodes, problems }: PlacerInput) {
  const features: InterventionsCollection['features'] = [];
  const unplaced: UnplacedIntervention[] = [];
  const warnings: string[] = [];
  const merged: InterventionsCollection['merged'] = [];

  const wardAt = (c: [number, number]): string | undefined => {
    for (const [code, poly] of wardPolys) if (booleanPointInPolygon(c, poly)) return code;
    return undefined;
  };

  const emit = (
    d: Draft,
    coords: [number, number],
    precision: InterventionProperties['precision'],
    precisionNote: string,
    areaWard?: string,
  ) => {
    const ward = areaWard ?? wardAt(coords);
    if (!ward) {
      problems.add({
        file: d.at.file,
        location: d.at.item,
        field: `"${d.at.field}"`,
        message: `the point ${coords[1].toFixed(5)}, ${coords[0].toFixed(5)} (${precisionNote}) lies outside ${areaCode}: every point must lie in the council`,
      });
      return;
    }
    if (d.declaredWard && d.declaredWard !== ward) {
      warnings.push(`${d.id}: declared ward ${d.declaredWard} but the point lies in ${ward}; kept the declared ward`);
    }
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
    if (d.dateNote) props.dateNote = d.dateNote;
    const w = d.declaredWard ?? ward;
    if (w) props.ward = w;
    if (d.neighbourhood) props.neighbourhood = d.neighbourhood;
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [round5(coords[0]), round5(coords[1])] },
      properties: props,
    });
  };

  const geocode = (d: Draft, pc: string) => {
    const key = postcodeKey(pc);
    const c = postcodes.get(key);
    if (c === undefined) {
      const area = postcodes.areaOf(key);
      const why = area === null ? 'is not in' : `is outside the ${area} area covered by`;
      unplaced.push({
        id: d.id,
        name: d.name,
        origin: d.origin,
        reason: `postcode ${key} ${why} ${postcodes.fileFor(key)}`,
      });
      return;
    }
    if (!c) {
      unplaced.push({
        id: d.id,
        name: d.name,
        origin: d.origin,
        reason: `postcode ${key} has no coordinates in ${postcodes.fileFor(key)}`,
      });
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
    if (into) {
      merged.push({ id: d.id, into });
      return false;
    }
    taken.set(k, d.id);
    return true;
  };

  return { features, unplaced, warnings, merged, emit, geocode, claim };
}

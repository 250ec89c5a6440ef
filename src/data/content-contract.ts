/**
 * Contract for the curated content (content/*.json, hand-compiled from the council's reports)
 * and for the interventions layer the pipeline builds from it (public/geo/interventions.json,
 * GEO_FILES.interventions in ./contract.ts). Field-by-field documentation: content/README.md.
 *
 * Conventions: dates are ISO and may be partial ("2019", "2019-06", "2019-06-30"); in the
 * content files an unknown value is `null`; in the built GeoJSON it is an absent property
 * (MapLibre's `["has", key]` then tells it apart), as in ./contract.ts.
 */

/**
 * A citation. `paragraph` is the report's own anchor ("3.23", "3.8.4", "- 3." in a summary list,
 * or a heading/slide title for unnumbered text such as appendices and slides): it must occur
 * verbatim in the report text.
 */
export interface Citation {
  /** A report of the council's content folder (council.json `reports`). */
  file: string;
  title: string;
  date: string;
  paragraph: string;
}

// ---------------------------------------------------------------------------
// content/priority-areas.json
// ---------------------------------------------------------------------------

export interface WardRef {
  /** ONS ward code, December 2024 (WD24CD). */
  code: string;
  /** ONS ward name, December 2024 (uses "&"). */
  name: string;
}

export interface PriorityWard extends WardRef {
  /** The ward as the report writes it. */
  reportName: string;
  note?: string;
  sources: Citation[];
}

export interface LsoaSuccessor {
  /** LSOA 2021 code. */
  code: string;
  /** The LSOA 2011 it comes from. */
  from: string;
  /** ONS LSOA 2011 → 2021 change code (U unchanged, S split, M merged, X irregular). */
  change: 'U' | 'S' | 'M' | 'X';
}

export interface PriorityNeighbourhood {
  id: string;
  name: string;
  /** Spellings used in the reports. */
  reportNames: string[];
  ward: WardRef;
  /** Default membership (see `basis`); empty when the ward has no qualifying LSOA. */
  lsoa11: string[];
  lsoa21: LsoaSuccessor[];
  /** Always "approximate": there is no official boundary. */
  membership: 'approximate';
  basis: string;
  /** Present when two neighbourhoods share a ward and so the same default list. */
  sharedWardNote?: string;
  note?: string;
  sources: Citation[];
}

export interface OnePercentLsoa {
  lsoa11: string;
  name: string;
  rank: number;
  lsoa21: LsoaSuccessor[];
  ward: WardRef;
  /** Neighbourhood ids whose default membership includes this LSOA (empty = none). */
  neighbourhoods: string[];
}

export interface PriorityAreasFile {
  compiled: true;
  generatedBy: string;
  sources: string[];
  notes: string[];
  priorityWards: PriorityWard[];
  neighbourhoods: PriorityNeighbourhood[];
  /** The IoD2015 national most-deprived 1% LSOAs of the area, all accounted for. */
  onePercent2015: {
    nationalCount: number;
    threshold: number;
    count: number;
    lsoas: OnePercentLsoa[];
  };
}

// ---------------------------------------------------------------------------
// content/interventions.json
// ---------------------------------------------------------------------------

/** A type of the council's intervention vocabulary (council.json `interventionTypes`, src/data/council-folder.ts). */
export type InterventionType = string;

/** ISO date, possibly partial: "2019", "2019-06", "2019-06-30". */
export const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

export type ContentLocation =
  /** Coordinates from a source; `precision` says what they are (e.g. "building entrance"). */
  | { kind: 'latlon'; lat: number; lon: number; precision: string }
  /** Geocoded at build by postcode centroid (LS table for Leeds, else NSPL; not the building). */
  | { kind: 'postcode'; postcode: string; venue?: string }
  /** Placed at a point inside the area (union of the neighbourhood's LSOA 2021 polygons, or the ward). */
  | { kind: 'area'; neighbourhood: string; ward?: undefined; note?: string }
  | { kind: 'area'; ward: string; neighbourhood?: undefined; note?: string }
  /** The reports give no usable location: listed as unplaced with this reason. */
  | { kind: 'none'; reason: string }
  /** A city-wide programme or figure: no one place, so listed in the city-wide list, not mapped. */
  | { kind: 'citywide'; note?: string };

export interface Outcome {
  label: string;
  /** As reported: a number where the report gives one, otherwise the report's words. */
  value: number | string;
  unit?: string;
  note?: string;
}

export interface ContentIntervention {
  id: string;
  type: InterventionType;
  name: string;
  start: string | null;
  end: string | null;
  /** What the report says about timing when it gives no date. */
  dateNote?: string;
  /** Ward (Dec 2024 code); null = derived at build (point in polygon or the area's ward). */
  ward: string | null;
  /** Priority neighbourhood id (content/priority-areas.json) or null. */
  neighbourhood: string | null;
  location: ContentLocation;
  description: string;
  outcomes: Outcome[];
  source: Citation;
  otherSources?: Citation[];
}

export interface InterventionsContentFile {
  compiled: true;
  generatedBy: string;
  sources: string[];
  notes: string[];
  items: ContentIntervention[];
}

// ---------------------------------------------------------------------------
// public/geo/interventions.json (built)
// ---------------------------------------------------------------------------

export type InterventionPrecision = 'exact' | 'postcode' | 'area';
/** 'report' (interventions.json) or the id of the council.json places file the point comes from. */
export type InterventionOrigin = string;

/** Flat properties (MapLibre flattens nested values, so `outcomes` is a JSON string). */
export interface InterventionProperties {
  id: string;
  type: InterventionType;
  name: string;
  start?: string;
  end?: string;
  /** What the report says about timing (e.g. "'this summer' in a report of Feb 2019"). */
  dateNote?: string;
  /** Ward (Dec 2024 code); absent when the point lies in no ward of the area. */
  ward?: string;
  neighbourhood?: string;
  precision: InterventionPrecision;
  /** Plain words for the map: e.g. "postcode centroid (LS7 3EX), not the building". */
  precisionNote: string;
  description: string;
  /** JSON.stringify(Outcome[]); "[]" when none. */
  outcomes: string;
  /** Human-readable citation. */
  source: string;
  origin: InterventionOrigin;
}

export interface UnplacedIntervention {
  id: string;
  name: string;
  origin: InterventionOrigin;
  reason: string;
}

/**
 * A report item with `location.kind: "citywide"`: listed beside the map, never drawn on it, so
 * `outcomes` stays an array (and `source` is the same human-readable citation text).
 */
export type CityWideIntervention = Pick<
  InterventionProperties,
  'id' | 'type' | 'name' | 'start' | 'end' | 'dateNote' | 'description' | 'source'
> & {
  outcomes: Outcome[];
};

export interface InterventionsCollection {
  type: 'FeatureCollection';
  features: Array<{
    type: 'Feature';
    geometry: { type: 'Point'; coordinates: [number, number] };
    properties: InterventionProperties;
  }>;
  /** Items that could not be placed, with the reason (never dropped silently). */
  unplaced: UnplacedIntervention[];
  /** City-wide programmes and figures from the reports (no place), sorted by type then id. */
  cityWide: CityWideIntervention[];
  /** Source rows folded into another feature at the same postcode and of the same type. */
  merged: Array<{ id: string; into: string }>;
}

export function parseOutcomes(p: Pick<InterventionProperties, 'outcomes'>): Outcome[] {
  return JSON.parse(p.outcomes) as Outcome[];
}

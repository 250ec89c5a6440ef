/** context.json (GEO_FILES.context): the orientation layer (roads, rail, rivers, water, parks, place names). */
import type { Topology } from 'topojson-specification';

/** TopoJSON object names in ContextData.topology. */
export const CONTEXT_OBJECTS = {
  roads: 'roads',
  rail: 'rail',
  waterways: 'waterways',
  water: 'water',
  parks: 'parks',
} as const;
export type ContextObject = keyof typeof CONTEXT_OBJECTS;

/** OSM road classes kept (their `_link` slip roads are folded into the class). */
export const ROAD_CLASSES = ['motorway', 'trunk', 'primary', 'secondary'] as const;
export type RoadClass = (typeof ROAD_CLASSES)[number];

/** roads: `c` = class, `r` = road number(s) as in OSM `ref` ("A64", "A58;A61"), absent when unnumbered. */
export interface ContextRoadProperties {
  c: RoadClass;
  r?: string;
}

/** waterways: `k` = river or canal. rail, water and parks carry no properties. */
export interface ContextWaterwayProperties {
  k: 'river' | 'canal';
}

/**
 * A place name: GeoNames populated places (city / town / village by population, see metadata
 * derivations) and House of Commons Library MSOA names ('neighbourhood', at a point inside the MSOA).
 */
export type ContextPlaceKind = 'city' | 'town' | 'village' | 'neighbourhood';
export interface ContextPlace {
  name: string;
  kind: ContextPlaceKind;
  lon: number;
  lat: number;
  /** GeoNames population (used to rank labels); absent for neighbourhoods. */
  pop?: number;
  /** MSOA 2021 code, for neighbourhoods. */
  code?: string;
}

/** Where to print a road number: points along numbered roads, thinned so one number shows per few km. */
export interface ContextRoadLabel {
  ref: string;
  c: RoadClass;
  lon: number;
  lat: number;
}

/**
 * context.json (or null when the sources do not cover the area). `topology` is TopoJSON (quantised,
 * delta-encoded arcs) with the objects in CONTEXT_OBJECTS; objects the sources lack for the area are absent.
 */
export interface ContextData {
  topology: Topology;
  places: ContextPlace[];
  roadLabels: ContextRoadLabel[];
}

/** What the app says about the layer: present parts, dates, and a one-line note when something is missing. */
export interface ContextMetadata {
  /** Parts present in context.json; empty when the file is null. */
  parts: Array<ContextObject | 'neighbourhoods' | 'places'>;
  /** One line for the user when the layer is absent or partial for this area; null when complete. */
  note: string | null;
  /** Attribution lines of the sources actually used (also in DataMetadata.attribution). */
  attribution: string[];
}

import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Feature, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { finishTopology, presimplifiedTopology } from './write-topojson';
import type { Topology } from 'topojson-specification';
import {
  CONTEXT_OBJECTS,
  ROAD_CLASSES,
  type ContextData,
  type ContextMetadata,
  type ContextObject,
  type ContextPlace,
  type ContextPlaceKind,
  type ContextRoadLabel,
  type RoadClass,
  type SourceMetadata,
} from '../../src/data/contract';
import { CONTEXT_BUFFER_KM, CONTEXT_SOURCES } from './config';
import {
  areaM2,
  bufferBBox,
  clipArea,
  clipLines,
  inBBox,
  mergeLines,
  roadLabelPoints,
  type BBox,
  type Line,
} from './context-geometry';
import { readGeonames, readMsoaCentroids, readMsoaNames, readOsmExtract, type OsmFeature } from './context-sources';
import { cachedSource } from './source-cache';
import { PipelineError } from './errors';
import { round } from './reproject';

export const CONTEXT_ATTRIBUTION = {
  osm: '© OpenStreetMap contributors (ODbL); roads and rail as of June 2018',
  msoaNames: 'House of Commons Library MSOA Names (Open Parliament Licence)',
  msoaCentroids: 'MSOA population-weighted centroids: ONS (Open Government Licence v3.0)',
  geonames: 'GeoNames (CC BY 4.0)',
} as const;

/** The toggle's and About's line where only place names are shown (OSM covers West Yorkshire alone). */
export const PLACES_ONLY_NOTE =
  'Place names only: towns and villages (GeoNames) and neighbourhood names (House of Commons Library MSOA names) cover all of England; roads, rail, rivers, canals, parks and water are shown for West Yorkshire councils only, the one area the OpenStreetMap extracts here cover.';

/**
 * Tuning, with the reasons. Visvalingam weights are planar degrees² (2e-7 ≈ 1,500 m²: a bend moving
 * a line by under ~10 m goes — about 2 px at zoom 14, invisible at the city scale the layer is for;
 * Leeds then weighs ~93 KB gzip of its 150 KB budget). Quantising 2.5e4 steps over the buffered box is ≈ 3–4 m.
 */
const LINE_MIN_WEIGHT = 2e-7;
const QUANTIZATION = 2.5e4;
/** Parks under 2 ha and water under 1 ha (ponds, basins) are dots at city scale: dropped. */
const MIN_PARK_M2 = 20_000;
const MIN_WATER_M2 = 10_000;
/** GeoNames population thresholds for the label kind (and so from which zoom it shows). */
const CITY_POP = 100_000;
const TOWN_POP = 5_000;

export interface ContextResult {
  /** context.json content, or null when the sources do not cover the area at all. */
  data: ContextData | null;
  metadata: ContextMetadata;
  sources: SourceMetadata[];
  counts: Record<string, number>;
}

const OSM_SOURCE = (id: string, title: string, file: string, note: string): SourceMetadata => ({
  id,
  title,
  file,
  publisher: 'OpenStreetMap contributors (extract by Open Innovations, west-yorkshire-mapping)',
  licence: 'Open Database License (ODbL) 1.0',
  downloadPage: 'https://www.openstreetmap.org/copyright',
  compiled: false,
  note,
});

function contextSources(parts: Set<string>): SourceMetadata[] {
  const out: SourceMetadata[] = [];
  if (parts.has('roads')) {
    out.push(
      OSM_SOURCE(
        'osm-lines-2018',
        'OpenStreetMap roads (motorway, trunk, primary, secondary), railways, rivers and canals, West Yorkshire',
        path.dirname(CONTEXT_SOURCES.rail),
        'June 2018 snapshot: roads opened since then are missing. Shown for orientation only.',
      ),
    );
  }
  if (parts.has('parks'))
    out.push(
      OSM_SOURCE(
        'osm-areas-2023',
        'OpenStreetMap parks and water, West Yorkshire',
        path.dirname(CONTEXT_SOURCES.parks),
        'July 2023 snapshot. Shown for orientation only.',
      ),
    );
  if (parts.has('neighbourhoods')) {
    out.push({
      id: 'msoa-names',
      title: 'MSOA Names 2.0 (neighbourhood names of the 2021 MSOAs)',
      file: CONTEXT_SOURCES.msoaNames,
      publisher: 'House of Commons Library',
      licence: 'Open Parliament Licence v3.0',
      downloadPage: 'https://houseofcommonslibrary.github.io/msoanames/',
      compiled: false,
      note: 'Each name is placed at its MSOA 2021 population-weighted centroid (ONS).',
    });
    out.push({
      id: 'msoa-centroids',
      title: 'MSOA (2021) population-weighted centroids',
      file: CONTEXT_SOURCES.msoaCentroids,
      publisher: 'Office for National Statistics',
      licence: 'Open Government Licence v3.0',
      downloadPage: 'https://geoportal.statistics.gov.uk/',
      compiled: false,
      note: 'Where each neighbourhood (MSOA) name is placed.',
    });
  }
  if (parts.has('places')) {
    out.push({
      id: 'geonames',
      title: 'GeoNames populated places (population 500 or more)',
      file: CONTEXT_SOURCES.geonames,
      publisher: 'GeoNames',
      licence: 'Creative Commons Attribution 4.0 (CC BY 4.0)',
      downloadPage: 'https://www.geonames.org/',
      compiled: false,
      note: 'Towns and villages; many inner suburbs are not in GeoNames.',
    });
  }
  return out;
}

/** Roads of each class (slip roads with their class), yards and sidings left out of rail. */
function readLines(
  dataDir: string,
  box: BBox,
): {
  roads: Map<string, Line[]>;
  rail: Line[];
  waterways: Map<'river' | 'canal', Line[]>;
  counts: Record<string, number>;
} {
  const counts: Record<string, number> = { railServiceDropped: 0 };
  const roads = new Map<string, Line[]>();
  for (const cls of ROAD_CLASSES) {
    for (const rel of CONTEXT_SOURCES.roads[cls]) {
      const { features } = readOsmExtract(dataDir, rel, { geometry: 'line', types: [cls, `${cls}_link`] });
      for (const f of features) {
        const ref = f.tags.get('ref')?.trim();
        const k = `${cls}\t${ref ?? ''}`;
        const lines = clipLines(f.geometry, box);
        if (lines.length > 0) roads.set(k, [...(roads.get(k) ?? []), ...lines]);
      }
    }
  }
  const rail: Line[] = [];
  for (const f of readOsmExtract(dataDir, CONTEXT_SOURCES.rail, { geometry: 'line', types: ['rail'] }).features) {
    // Yards, sidings, spurs and crossovers carry service=…: clutter at the scale the layer is for.
    if (f.tags.has('service')) {
      counts.railServiceDropped! += 1;
      continue;
    }
    rail.push(...clipLines(f.geometry, box));
  }
  const waterways = new Map<'river' | 'canal', Line[]>();
  for (const [k, rel] of [
    ['river', CONTEXT_SOURCES.rivers],
    ['canal', CONTEXT_SOURCES.canals],
  ] as const) {
    waterways.set(
      k,
      readOsmExtract(dataDir, rel, { geometry: 'line', types: [k] }).features.flatMap((f) =>
        clipLines(f.geometry, box),
      ),
    );
  }
  return { roads, rail, waterways, counts };
}

function readAreas(
  dataDir: string,
  rel: string,
  box: BBox,
  minM2: number,
): { kept: Feature<Polygon | MultiPolygon, Record<string, never>>[]; small: number; points: number } {
  const { features, skippedPoints } = readOsmExtract(dataDir, rel, { geometry: 'area' });
  let small = 0;
  const kept = features.flatMap((f: OsmFeature) => {
    const g = clipArea(f.geometry, box);
    if (!g) return [];
    if (areaM2(g) < minM2) {
      small++;
      return [];
    }
    return [{ type: 'Feature' as const, properties: {}, geometry: g }];
  });
  return { kept, small, points: skippedPoints };
}

function placeKind(pop: number): ContextPlaceKind {
  return pop >= CITY_POP ? 'city' : pop >= TOWN_POP ? 'town' : 'village';
}

function buildTopology(objects: Partial<Record<ContextObject, Feature[]>>): Topology {
  const named: Record<string, Feature[]> = {};
  for (const [name, features] of Object.entries(objects))
    if (features && features.length > 0) named[CONTEXT_OBJECTS[name as ContextObject]] = features;
  return finishTopology(presimplifiedTopology(named), LINE_MIN_WEIGHT, QUANTIZATION);
}

const multi = (lines: Line[]): MultiLineString => ({ type: 'MultiLineString', coordinates: lines });

/**
 * The orientation layer for the area: OSM roads, rail, rivers, canals, parks and water clipped to the
 * area's box plus CONTEXT_BUFFER_KM, lines merged and simplified, tiny polygons dropped; House of
 * Commons Library MSOA names and GeoNames places as label points. Areas the sources do not cover get
 * null (or fewer parts) and a one-line note the app shows.
 */
export async function buildContext(dataDir: string, area: string, areaBBox: BBox): Promise<ContextResult> {
  const osmCovered = (CONTEXT_SOURCES.osmAreas as readonly string[]).includes(area);
  const empty = (note: string): ContextResult => ({
    data: null,
    metadata: { parts: [], note, attribution: [] },
    sources: [],
    counts: {},
  });
  if (!existsSync(path.join(dataDir, CONTEXT_SOURCES.dir)))
    return empty('Roads, rivers, parks and place names are not shown: the data sources have no context/ folder.');
  const box = bufferBBox(areaBBox, CONTEXT_BUFFER_KM);
  const places = placeLabels(dataDir, box);
  if (!osmCovered) return placesOnly(places);

  const lines = readLines(dataDir, box);
  const parks = readAreas(dataDir, CONTEXT_SOURCES.parks, box, MIN_PARK_M2);
  const water = readAreas(dataDir, CONTEXT_SOURCES.water, box, MIN_WATER_M2);

  const roadFeatures: Feature<MultiLineString, { c: RoadClass; r?: string }>[] = [];
  const roadLabels: ContextRoadLabel[] = [];
  for (const k of [...lines.roads.keys()].sort(
    (a, b) =>
      ROAD_CLASSES.indexOf(a.split('\t')[0] as RoadClass) - ROAD_CLASSES.indexOf(b.split('\t')[0] as RoadClass) ||
      (a < b ? -1 : a > b ? 1 : 0),
  )) {
    const [c, ref] = k.split('\t') as [RoadClass, string];
    const merged = mergeLines(lines.roads.get(k) ?? []);
    roadFeatures.push({ type: 'Feature', properties: ref ? { c, r: ref } : { c }, geometry: multi(merged) });
    // One number per road (the first of "A58;A61"), every ~4 km along it.
    const label = ref.split(';')[0]?.trim();
    if (label)
      for (const [lon, lat] of roadLabelPoints(merged, { minKm: 0.8, everyKm: 4, spacingKm: 2 }))
        roadLabels.push({ ref: label, c, lon: lon!, lat: lat! });
  }
  const waterwayFeatures = (['river', 'canal'] as const).map((k) => ({
    type: 'Feature' as const,
    properties: { k },
    geometry: multi(mergeLines(lines.waterways.get(k) ?? [])),
  }));
  const railFeature = { type: 'Feature' as const, properties: {}, geometry: multi(mergeLines(lines.rail)) };

  const topo = buildTopology({
    roads: roadFeatures,
    rail: railFeature.geometry.coordinates.length > 0 ? [railFeature] : [],
    waterways: waterwayFeatures.filter((f) => f.geometry.coordinates.length > 0),
    water: water.kept,
    parks: parks.kept,
  });
  const parts = new Set<string>(Object.keys(topo.objects));
  parts.add('places');
  parts.add('neighbourhoods');
  const attribution = [
    CONTEXT_ATTRIBUTION.osm,
    CONTEXT_ATTRIBUTION.msoaNames,
    CONTEXT_ATTRIBUTION.msoaCentroids,
    CONTEXT_ATTRIBUTION.geonames,
  ];
  return {
    data: { topology: topo, places, roadLabels },
    metadata: {
      parts: [...parts].sort() as ContextMetadata['parts'],
      note: null,
      attribution,
    },
    sources: contextSources(parts),
    counts: {
      roads: roadFeatures.length,
      roadLabels: roadLabels.length,
      railSidingsDropped: lines.counts.railServiceDropped ?? 0,
      parks: parks.kept.length,
      parksTooSmall: parks.small,
      water: water.kept.length,
      waterTooSmall: water.small,
      places: places.filter((p) => p.kind !== 'neighbourhood').length,
      neighbourhoods: places.filter((p) => p.kind === 'neighbourhood').length,
    },
  };
}

/**
 * GeoNames towns and villages and the House of Commons Library MSOA names (at the ONS MSOA
 * population-weighted centroids) within the buffered box, England-wide. Label priority for the map:
 * towns and villages first (larger first), neighbourhoods after (src/domain/context-labels.ts).
 */
function placeLabels(dataDir: string, box: BBox): ContextPlace[] {
  const geonames = cachedSource(`geonames:${dataDir}`, () => readGeonames(dataDir, CONTEXT_SOURCES.geonames));
  const places: ContextPlace[] = geonames
    .filter((p) => inBBox([p.lon, p.lat], box))
    .map((p) => ({
      name: p.name,
      kind: placeKind(p.population),
      lon: round(p.lon, 5),
      lat: round(p.lat, 5),
      pop: p.population,
    }));
  const names = cachedSource(`msoa-names:${dataDir}`, () => readMsoaNames(dataDir, CONTEXT_SOURCES.msoaNames));
  const centroids = cachedSource(`msoa-centroids:${dataDir}`, () =>
    readMsoaCentroids(dataDir, CONTEXT_SOURCES.msoaCentroids),
  );
  const missing = [...names.entries()].filter(([code]) => !centroids.has(code));
  if (missing.length > 0) {
    throw new PipelineError(
      missing.slice(0, 20).map(([code, n]) => ({
        file: CONTEXT_SOURCES.msoaNames,
        location: `line ${n.line}`,
        field: 'msoa21cd',
        message: `no population-weighted centroid for ${code} in ${CONTEXT_SOURCES.msoaCentroids}`,
      })),
    );
  }
  for (const [code, n] of [...names.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [lon, lat] = centroids.get(code) ?? [NaN, NaN];
    if (inBBox([lon, lat], box))
      places.push({ name: n.name, kind: 'neighbourhood', lon: round(lon, 5), lat: round(lat, 5), code });
  }
  return places.sort(
    (a, b) =>
      (a.kind === b.kind ? 0 : a.kind === 'neighbourhood' ? 1 : b.kind === 'neighbourhood' ? -1 : 0) ||
      (b.pop ?? 0) - (a.pop ?? 0) ||
      a.name.localeCompare(b.name, 'en') ||
      a.lon - b.lon,
  );
}

/** A council outside West Yorkshire: place names only, and a note saying where the rest is shown. */
function placesOnly(places: ContextPlace[]): ContextResult {
  const parts = new Set<string>(['places', 'neighbourhoods']);
  return {
    data: { topology: buildTopology({}), places, roadLabels: [] },
    metadata: {
      parts: ['neighbourhoods', 'places'],
      note: PLACES_ONLY_NOTE,
      attribution: [CONTEXT_ATTRIBUTION.msoaNames, CONTEXT_ATTRIBUTION.msoaCentroids, CONTEXT_ATTRIBUTION.geonames],
    },
    sources: contextSources(parts),
    counts: {
      places: places.filter((p) => p.kind !== 'neighbourhood').length,
      neighbourhoods: places.filter((p) => p.kind === 'neighbourhood').length,
    },
  };
}

import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Topology } from 'topojson-specification';
import type { InterventionsCollection } from './content-contract';
import { useCouncil } from './council';
import {
  expandDetails,
  GEO_FILES,
  postcodeDistrictFile,
  type ContextData,
  type DataMetadata,
  type IodValues,
  type LsoaProperties,
  type PostcodeDistrict,
  type WardProperties,
} from './contract';
import {
  AREA_FILES,
  byGeography,
  geography,
  geographyIdsWhere,
  LOADER_PLAN,
  loadStepOf,
  type AreaFileKey,
  type FirstViewGeographyId,
  type GeographyId,
  type KindOf,
  type LsoaGeographyId,
  type OnDemandGeographyId,
  type WardGeographyId,
} from './geographies';
import { areaCollection, isLsoaProperties, isWardProperties } from './topo-areas';
import { deriveFields, type DerivationRelease } from './derived-fields';
import { checkedFile, type FileGuard } from './check';
import {
  builtSitesGuard,
  contextGuard,
  detailsGuard,
  englandWardsGuard,
  interventionsGuard,
  metadataGuard,
  postcodeDistrictGuard,
  standingGuard,
  topologyGuard,
} from './file-guards';
import type { CouncilStanding } from './standing-contract';
import { BUILT_SITES_FILE, type BuiltSites, type EnglandWardsFile } from './england-wards-contract';

export type AreaGeometry = Polygon | MultiPolygon;
export type LsoaFeature = Feature<AreaGeometry, LsoaProperties>;
export type WardFeature = Feature<AreaGeometry, WardProperties>;
export type LsoaCollection = FeatureCollection<AreaGeometry, LsoaProperties>;
export type WardCollection = FeatureCollection<AreaGeometry, WardProperties>;

export type AreaCollection = LsoaCollection | WardCollection;
export type AreaFeature = LsoaFeature | WardFeature;

interface CollectionOfKind {
  lsoa: LsoaCollection;
  ward: WardCollection;
}
/** The collection a geography of the table loads as: LSOA or ward features, by its kind (src/data/geographies.ts). */
export type AreaCollectionOf<G extends GeographyId> = CollectionOfKind[KindOf<G>];

/** The areas of every first-view geography of the table, by geography id. */
export type FirstViewAreas = { [G in FirstViewGeographyId]: AreaCollectionOf<G> };

/** The areas loaded so far: every first-view geography, and each on-demand one once it has loaded. */
export type LoadedAreas = FirstViewAreas & { [G in OnDemandGeographyId]?: AreaCollectionOf<G> | undefined };

export interface FirstViewData extends FirstViewAreas {
  metadata: DataMetadata;
}

/** Where the generated files are served from: under Vite's base so the app works from a sub-path. */
export function geoUrl(file: string): string {
  return `${import.meta.env.BASE_URL}geo/${file}`;
}

/**
 * The generated files' folder as an absolute URL, for a Web Worker: a worker resolves a relative
 * base against its own script's URL (assets/), not the page's.
 */
export function geoBaseHref(pageHref: string): string {
  return new URL(geoUrl(''), pageHref).href;
}

/** Fetches one generated file (public/geo/, or under `geoBase`) as JSON, not yet checked (see fetchChecked). */
export async function fetchJson(file: string, geoBase?: string): Promise<unknown> {
  const res = await fetch(geoBase ? new URL(file, geoBase).href : geoUrl(file));
  if (!res.ok) throw new Error(`Could not load ${file} (HTTP ${res.status}). Run "npm run build:data".`);
  const json: unknown = await res.json();
  return json;
}

/** Fetches one generated file and checks it against its guard (file-guards.ts): an error names the file and field. */
export async function fetchChecked<T>(file: string, guard: FileGuard<T>, geoBase?: string): Promise<T> {
  return checkedFile(file, await fetchJson(file, geoBase), guard);
}

/** The area files of the first view (src/data/geographies.ts: one file may hold several geographies). */
const FIRST_VIEW_STEPS = LOADER_PLAN.filter((s) => s.when === 'first-view');
const FIRST_VIEW_LSOAS = geographyIdsWhere({ kind: 'lsoa', load: 'first-view' });
const FIRST_VIEW_WARDS = geographyIdsWhere({ kind: 'ward', load: 'first-view' });

export async function loadFirstView(): Promise<FirstViewData> {
  const [metadata, ...topologies] = await Promise.all([
    fetchChecked(GEO_FILES.metadata, metadataGuard),
    ...FIRST_VIEW_STEPS.map((s) => fetchChecked(AREA_FILES[s.file], topologyGuard)),
  ]);
  useCouncil(metadata);
  const topologyOf = (id: GeographyId): Topology => {
    const t = topologies[FIRST_VIEW_STEPS.indexOf(loadStepOf(LOADER_PLAN, id))];
    if (!t) throw new Error(`Geography ${id} is not in a first-view file`);
    return t;
  };
  return {
    metadata,
    ...byGeography(FIRST_VIEW_LSOAS, (id) => readAreas(id, topologyOf(id), metadata.releases)),
    ...byGeography(FIRST_VIEW_WARDS, (id) => readAreas(id, topologyOf(id), metadata.releases)),
  };
}

/**
 * One geography's areas in its fetched file, each feature checked against its kind's properties; LSOAs
 * get the flags and local ranks the file leaves out (derived for the releases on their vintage).
 */
function readAreas(id: LsoaGeographyId, t: Topology, releases: readonly DerivationRelease[]): LsoaCollection;
function readAreas(id: WardGeographyId, t: Topology, releases: readonly DerivationRelease[]): WardCollection;
function readAreas(id: GeographyId, t: Topology, releases: readonly DerivationRelease[]): AreaCollection {
  const g = geography(id);
  return g.kind === 'ward'
    ? areaCollection(t, g.topoObject, isWardProperties)
    : withDerivedFields(areaCollection(t, g.topoObject, isLsoaProperties), releases, g.vintage);
}

/** The areas with the flags and local ranks the file leaves out (src/data/derived-fields.ts) filled in. */
function withDerivedFields(
  areas: LsoaCollection,
  releases: readonly DerivationRelease[],
  vintage: DerivationRelease['lsoaVintage'],
): LsoaCollection {
  const props = deriveFields(
    areas.features.map((f) => f.properties),
    releases,
    vintage,
  );
  return { ...areas, features: areas.features.map((f, i) => ({ ...f, properties: props[i] ?? f.properties })) };
}

/** A loader that keeps its result once it has one; a failure is forgotten, so the next call tries again. */
function keepOnSuccess<A extends unknown[], T>(load: (...args: A) => Promise<T>): (...args: A) => Promise<T> {
  let kept: Promise<T> | undefined;
  return (...args) => {
    if (kept) return kept;
    const p = load(...args);
    kept = p;
    p.catch(() => {
      if (kept === p) kept = undefined;
    });
    return p;
  };
}

/** An area file, fetched and checked once (a failed fetch may be retried); several geographies may share it. */
const areaFiles = new Map<AreaFileKey, () => Promise<Topology>>();
function loadAreaFile(file: AreaFileKey): Promise<Topology> {
  let load = areaFiles.get(file);
  if (!load) {
    load = keepOnSuccess(() => fetchChecked(AREA_FILES[file], topologyGuard));
    areaFiles.set(file, load);
  }
  return load();
}

type AreasLoader<C> = (releases: readonly DerivationRelease[]) => Promise<C>;
const lsoaLoader =
  (id: LsoaGeographyId): AreasLoader<LsoaCollection> =>
  (releases) =>
    loadAreaFile(geography(id).file).then((t) => readAreas(id, t, releases));
const wardLoader =
  (id: WardGeographyId): AreasLoader<WardCollection> =>
  (releases) =>
    loadAreaFile(geography(id).file).then((t) => readAreas(id, t, releases));

/** The loader of each on-demand geography of the table (LSOA 2011: only IoD 2019 / 2015 need it), by id. */
export const ON_DEMAND_LOADERS: { readonly [G in OnDemandGeographyId]: AreasLoader<AreaCollectionOf<G>> } = {
  ...byGeography(geographyIdsWhere({ kind: 'lsoa', load: 'on-demand' }), lsoaLoader),
  ...byGeography(geographyIdsWhere({ kind: 'ward', load: 'on-demand' }), wardLoader),
};

/** LSOA 2011 boundaries are only needed for IoD 2019/2015, so they load on first use. */
export const loadLsoa11: (releases: readonly DerivationRelease[]) => Promise<LsoaCollection> = ON_DEMAND_LOADERS.lsoa11;

const postcodeDistricts = new Map<string, Promise<PostcodeDistrict>>();
/**
 * One postcode file (postcodes/LS7.json, or a sector's, postcodes/SE1-7.json), fetched once per thread;
 * a failed fetch may be retried. `geoBase` (geoBaseHref) is for the venue-list worker.
 */
export function loadPostcodeDistrict(fileKey: string, geoBase?: string): Promise<PostcodeDistrict> {
  let p = postcodeDistricts.get(fileKey);
  if (!p) {
    const file = postcodeDistrictFile(fileKey);
    p = fetchChecked(file, postcodeDistrictGuard, geoBase);
    p.catch(() => postcodeDistricts.delete(fileKey));
    postcodeDistricts.set(fileKey, p);
  }
  return p;
}

/** Intervention points (built from content/ and the places sources); not needed for the first paint. */
export const loadInterventions: () => Promise<InterventionsCollection> = keepOnSuccess(() =>
  fetchChecked(GEO_FILES.interventions, interventionsGuard),
);

/**
 * The LSOA 2021 areas with their detail values (domain ranks, scores, local ranks, centroids) merged
 * in: a new collection with new property objects, so the first-view collection is never changed in
 * place and every consumer that reads the new one re-reads it.
 */
export function withDetails(lsoa21: LsoaCollection, byCode: ReadonlyMap<string, IodValues>): LsoaCollection {
  return {
    ...lsoa21,
    features: lsoa21.features.map((f) => ({ ...f, properties: { ...f.properties, ...byCode.get(f.properties.code) } })),
  };
}

/** Loads the LSOA 2021 details (after the first choropleth) and returns the areas with them merged in. */
export async function loadDetails2021(lsoa21: LsoaCollection): Promise<LsoaCollection> {
  const details = await fetchChecked(GEO_FILES.details2021, detailsGuard);
  return withDetails(lsoa21, expandDetails(details));
}

/** The orientation layer (roads, rivers, place names): after the first choropleth; null when the area has none. */
export const loadContext: () => Promise<ContextData | null> = keepOnSuccess(() =>
  fetchChecked(GEO_FILES.context, contextGuard),
);

/** The council's File 10 figures (standing.json): on demand, by the council summary, ward profile and briefing; a failed fetch may be retried. */
export const loadStanding: () => Promise<CouncilStanding> = keepOnSuccess(() =>
  fetchChecked(GEO_FILES.standing, standingGuard),
);

/** Every England ward's summary (england-wards.json): on demand, by a ward profile; a failed fetch may be retried. */
export const loadEnglandWards: () => Promise<EnglandWardsFile> = keepOnSuccess(() =>
  fetchChecked(GEO_FILES.englandWards, englandWardsGuard),
);

/**
 * The councils build:sites put beside this atlas (`../sites.json`, one folder up from the atlas's own
 * folder); only asked for inside a build:sites folder.
 */
export const loadBuiltSites: () => Promise<ReadonlySet<string>> = keepOnSuccess(async () => {
  const res = await fetch(`${import.meta.env.BASE_URL}../${BUILT_SITES_FILE}`);
  if (!res.ok) throw new Error(`Could not load ${BUILT_SITES_FILE} (HTTP ${res.status})`);
  const body = checkedFile<BuiltSites>(BUILT_SITES_FILE, await res.json(), builtSitesGuard);
  return new Set(body.councils);
});

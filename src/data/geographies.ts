/**
 * The geography levels the atlas draws, one descriptor each. Everything that asks "which level" derives
 * from this table: the generated area files' names and objects (AREA_FILES, TOPO_OBJECTS, which
 * src/data/contract.ts's GEO_FILES and the pipeline read), the area loaders and their types (./load.ts),
 * the deferred loads (src/state/deferred-store.ts), the area index (src/domain/area-index.ts), the map's
 * layer ids and z-order (src/map/layer-order.ts) and area layers (src/map/layers/areas.ts), and every
 * "which level" type (GeographyId). Adding a level (MSOAs, say) is one entry here, plus the pipeline
 * writing its object (scripts/pipeline/steps/topology.ts) and, in a new file, that file's AREA_FILES entry.
 */

/**
 * The generated TopoJSON files the geographies are in (public/geo/; GEO_FILES spreads these). A file may
 * hold several geographies: the loaders fetch it once (loaderPlan below).
 */
export const AREA_FILES = {
  /**
   * Objects `lsoa21` (LsoaProperties: IoD values of the LSOA 2021 releases plus comparable values of the
   * LSOA 2011 releases, first-view keys only, see isFirstViewKey) and `wards` (WardProperties with ward
   * summaries). The first view: budget 100 KB gzip.
   */
  areas2021: 'areas-2021.topojson',
  /** Object `lsoa11` (LsoaProperties: values of the LSOA 2011 releases). */
  areas2011: 'areas-2011.topojson',
} as const;
export type AreaFileKey = keyof typeof AREA_FILES;

interface GeographyBase {
  /** The MapLibre source id and the prefix of its layer ids (`lsoa21-fill`, …). */
  readonly id: string;
  /** What a person calls it (and the deferred load's notice: "The LSOA 2011 areas … are unavailable"). */
  readonly label: string;
  /** The generated TopoJSON file it is in (an AREA_FILES key) and its object there (TOPO_OBJECTS, which the pipeline writes). */
  readonly file: AreaFileKey;
  readonly topoObject: string;
  /** The feature property that identifies an area (MapLibre's promoteId, the feature-state key). */
  readonly idProperty: 'code';
  /** The lowest zoom its layers draw at. */
  readonly minZoom: number;
  /** Loaded for the first view, or the first time the map or a profile needs it (src/domain/views.ts, geographyWanted). */
  readonly load: 'first-view' | 'on-demand';
  /** Draws the national most-deprived 1% / 10% outlines (they outline LSOAs). */
  readonly flags: boolean;
  /**
   * Where its boundary line sits in the z-order: `fine` lines under the roads and the 1% / 10% outlines,
   * `boundary` lines over them (ward boundaries stay readable on top).
   */
  readonly line: 'fine' | 'boundary';
}

/**
 * What choosing an area of the level selects (`sel=lsoa:…` / `sel=ward:…`), and so which properties its
 * features carry (LsoaProperties / WardProperties, src/data/contract.ts).
 */
export type GeographyKind = 'lsoa' | 'ward';

/** An LSOA level: its vintage is matched against a release's `lsoaVintage` (src/data/releases.ts). */
export interface LsoaGeography extends GeographyBase {
  readonly kind: 'lsoa';
  readonly vintage: '2021' | '2011';
}

/** A ward level: its year is the council's boundary file's (scripts/pipeline/config.ts). */
export interface WardGeography extends GeographyBase {
  readonly kind: 'ward';
  readonly vintage: null;
}

export type GeographyDescriptor = LsoaGeography | WardGeography;

export const GEOGRAPHIES = [
  {
    id: 'lsoa21',
    label: 'LSOA 2021',
    kind: 'lsoa',
    vintage: '2021',
    file: 'areas2021',
    topoObject: 'lsoa21',
    idProperty: 'code',
    minZoom: 0,
    load: 'first-view',
    flags: true,
    line: 'fine',
  },
  {
    id: 'lsoa11',
    label: 'LSOA 2011',
    kind: 'lsoa',
    vintage: '2011',
    file: 'areas2011',
    topoObject: 'lsoa11',
    idProperty: 'code',
    minZoom: 0,
    load: 'on-demand',
    flags: true,
    line: 'fine',
  },
  {
    id: 'wards',
    label: 'Ward',
    kind: 'ward',
    vintage: null,
    file: 'areas2021',
    topoObject: 'wards',
    idProperty: 'code',
    minZoom: 0,
    load: 'first-view',
    flags: false,
    line: 'boundary',
  },
] as const satisfies readonly GeographyDescriptor[];

type Entry = (typeof GEOGRAPHIES)[number];

/** One of the table's geography ids (`lsoa21`, `lsoa11`, `wards`). */
export type GeographyId = Entry['id'];
/** The ids of the table's geographies that match P, e.g. `GeographyIdWhere<{ kind: 'lsoa' }>`. */
export type GeographyIdWhere<P extends Partial<Pick<GeographyDescriptor, 'kind' | 'load'>>> = Extract<Entry, P>['id'];
/** The LSOA levels: those a release can be published on. */
export type LsoaGeographyId = GeographyIdWhere<{ kind: 'lsoa' }>;
export type WardGeographyId = GeographyIdWhere<{ kind: 'ward' }>;
export type FirstViewGeographyId = GeographyIdWhere<{ load: 'first-view' }>;
export type OnDemandGeographyId = GeographyIdWhere<{ load: 'on-demand' }>;
/** The kind of a geography id of the table. */
export type KindOf<G extends GeographyId> = Extract<Entry, { id: G }>['kind'];

/**
 * The ids of the table's geographies that match `p` (kind and/or load), in table order, typed as the
 * matching ids (asserted: the filter checks the same fields the type extracts by).
 */
export function geographyIdsWhere<P extends Partial<Pick<GeographyDescriptor, 'kind' | 'load'>>>(
  p: P,
): GeographyIdWhere<P>[] {
  const ids: GeographyId[] = GEOGRAPHIES.flatMap((g) =>
    (p.kind === undefined || g.kind === p.kind) && (p.load === undefined || g.load === p.load) ? [g.id] : [],
  );
  return ids as GeographyIdWhere<P>[];
}

export const GEOGRAPHY_IDS: readonly GeographyId[] = GEOGRAPHIES.map((g) => g.id);
export const LSOA_GEOGRAPHY_IDS: readonly LsoaGeographyId[] = geographyIdsWhere({ kind: 'lsoa' });
export const WARD_GEOGRAPHY_IDS: readonly WardGeographyId[] = geographyIdsWhere({ kind: 'ward' });
export const ON_DEMAND_GEOGRAPHY_IDS: readonly OnDemandGeographyId[] = geographyIdsWhere({ load: 'on-demand' });

/** The descriptor of a geography id of the table. */
export function geography(id: GeographyId): GeographyDescriptor {
  const g = GEOGRAPHIES.find((x) => x.id === id);
  if (!g) throw new Error(`Unknown geography ${id}`);
  return g;
}

/**
 * One value per id, built by `pick`: the table's loops make their records with this (the area index, the
 * deferred loads, the first view's collections). The one place the record is asserted whole: every id is set.
 */
export function byGeography<G extends string, T>(ids: readonly G[], pick: (id: G) => T): Record<G, T> {
  const out: Partial<Record<G, T>> = {};
  for (const id of ids) out[id] = pick(id);
  return out as Record<G, T>;
}

/** Each geography's object in its TopoJSON file, by geography id (the pipeline writes these; src/data/contract.ts re-exports it). */
export const TOPO_OBJECTS: Readonly<Record<GeographyId, string>> = byGeography(
  GEOGRAPHY_IDS,
  (id) => geography(id).topoObject,
);

/** One file the loaders fetch: which geographies it holds and when it is needed. */
export interface LoadStep<G extends string = string, F extends string = AreaFileKey> {
  file: F;
  when: GeographyDescriptor['load'];
  geographies: { id: G; topoObject: string }[];
}

/** What loaderPlan reads of a geography. */
export type LoadedGeography<G extends string, F extends string> = Pick<GeographyDescriptor, 'load' | 'topoObject'> & {
  id: G;
  file: F;
};

/**
 * What the loaders fetch, from a geography table: one step per file, in table order, holding the
 * objects of every geography in it. A file is needed for the first view when any of its geographies is.
 */
export function loaderPlan<G extends string, F extends string>(
  geographies: readonly LoadedGeography<G, F>[],
): LoadStep<G, F>[] {
  const steps: LoadStep<G, F>[] = [];
  for (const g of geographies) {
    let step = steps.find((s) => s.file === g.file);
    if (!step) {
      step = { file: g.file, when: g.load, geographies: [] };
      steps.push(step);
    }
    if (g.load === 'first-view') step.when = 'first-view';
    step.geographies.push({ id: g.id, topoObject: g.topoObject });
  }
  return steps;
}

/** The step that loads a geography (every table geography is in the plan). */
export function loadStepOf<G extends string, F extends string>(plan: readonly LoadStep<G, F>[], id: G): LoadStep<G, F> {
  const step = plan.find((s) => s.geographies.some((g) => g.id === id));
  if (!step) throw new Error(`No file loads geography ${id}`);
  return step;
}

/** The app's load plan. */
export const LOADER_PLAN: readonly LoadStep<GeographyId>[] = loaderPlan(GEOGRAPHIES);

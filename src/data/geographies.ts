import { TOPO_OBJECTS, type GEO_FILES } from './contract';

/**
 * The geography levels the atlas draws, one descriptor each. The area loaders (./load.ts), the map's
 * layer ids and z-order (src/map/layer-order.ts), the area layers (src/map/layers/areas.ts) and every
 * "which level" type (GeographyId) derive from this table, so adding a level (MSOAs, say) is one entry
 * here plus the pipeline writing its file.
 */
export interface GeographyDescriptor {
  /** The MapLibre source id and the prefix of its layer ids (`lsoa21-fill`, …). */
  readonly id: string;
  /** What a person calls it. */
  readonly label: string;
  /** What choosing one selects (`sel=lsoa:…` / `sel=ward:…`). */
  readonly kind: 'lsoa' | 'ward';
  /**
   * The boundary vintage, matched against a release's `lsoaVintage` (src/data/releases.ts) for LSOAs;
   * null for wards, whose year is the council's boundary file's (scripts/pipeline/config.ts).
   */
  readonly vintage: '2021' | '2011' | null;
  /** The generated TopoJSON file it is in (a GEO_FILES key) and its object there (TOPO_OBJECTS, which the pipeline writes). */
  readonly file: keyof typeof GEO_FILES;
  readonly topoObject: string;
  /** The feature property that identifies an area (MapLibre's promoteId, the feature-state key). */
  readonly idProperty: 'code';
  /** The lowest zoom its layers draw at. */
  readonly minZoom: number;
  /** Loaded for the first view, or when a release on its vintage is first chosen. */
  readonly load: 'first-view' | 'on-demand';
  /** Draws the national most-deprived 1% / 10% outlines (they outline LSOAs). */
  readonly flags: boolean;
  /**
   * Where its boundary line sits in the z-order: `fine` lines under the roads and the 1% / 10% outlines,
   * `boundary` lines over them (ward boundaries stay readable on top).
   */
  readonly line: 'fine' | 'boundary';
}

export const GEOGRAPHIES = [
  {
    id: 'lsoa21',
    label: 'LSOA 2021',
    kind: 'lsoa',
    vintage: '2021',
    file: 'areas2021',
    topoObject: TOPO_OBJECTS.lsoa21,
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
    topoObject: TOPO_OBJECTS.lsoa11,
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
    topoObject: TOPO_OBJECTS.wards,
    idProperty: 'code',
    minZoom: 0,
    load: 'first-view',
    flags: false,
    line: 'boundary',
  },
] as const satisfies readonly GeographyDescriptor[];

/** One of the table's geography ids (`lsoa21`, `lsoa11`, `wards`). */
export type GeographyId = (typeof GEOGRAPHIES)[number]['id'];
/** The LSOA levels: those a release can be published on. */
export type LsoaGeographyId = Extract<(typeof GEOGRAPHIES)[number], { kind: 'lsoa' }>['id'];

export const GEOGRAPHY_IDS: readonly GeographyId[] = GEOGRAPHIES.map((g) => g.id);

/** The descriptor of a geography id of the table. */
export function geography(id: GeographyId): GeographyDescriptor {
  const g = GEOGRAPHIES.find((x) => x.id === id);
  if (!g) throw new Error(`Unknown geography ${id}`);
  return g;
}

/** One file the loaders fetch: which geographies it holds and when it is needed. */
export interface LoadStep<G extends string = string, F extends string = keyof typeof GEO_FILES> {
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

import type { MultiPolygon, Polygon } from 'geojson';
import {
  CHANGE_TARGET_RELEASE,
  GEO_FILES,
  postcodeDistrictFile,
  RELEASE_LIST,
  TOPO_OBJECTS,
  decileChangeKey,
  flagKey,
  valueKey,
  type ChangeCode,
  type DataMetadata,
  type IodValues,
  type LsoaProperties,
  type ReleaseId,
  type WardProperties,
  type AreaDetails,
  isFirstViewKey,
} from '../../src/data/contract';
import { readBoundaries, type AreaFeature } from './boundaries';
import { configFromEnv, QUANTIZATION, SIMPLIFY_MIN_WEIGHT, type ResolvedConfig } from './config';
import { PipelineError, ProblemList } from './errors';
import { areaSets, filterToArea } from './filter-area';
import { areaRecordCodes, areaValues, readRelease, type AreaRelease, type ReleaseData } from './join-iod';
import { readLookups, type ChangeLink, type Lookups } from './lookups';
import { buildMetadata } from './metadata';
import { buildPostcodeIndex } from './postcodes';
import { round } from './reproject';
import { modalWard, wardSummaries, type WardMember } from './wards';
import { buildTopology, type AreaGeoFeature } from './write-topojson';
import { buildInterventions } from './interventions';
import { readSpiFromSources } from './spi';
import { labelPoint } from '../../src/domain/label-points';
import { CONTENT_DIR } from './config';
import { budgetProblems, budgetVerdict, measure, postcodeFileProblems, stableStringify, writeAtomically, type BudgetVerdict, type OutputFile, type OutputSize } from './write-outputs';

export interface PipelineOptions extends Partial<ResolvedConfig> {
  /**
   * The repo's curated content (priority areas, interventions), which is about one area (Leeds).
   * null skips the interventions step (an empty layer is written), e.g. for synthetic test areas.
   */
  contentDir?: string | null;
  /** Override for tests: how small a vertex must be to be simplified away. */
  simplifyMinWeight?: number;
  /** Override the gzip budgets (bytes); tests use this to exercise the over-budget failure. */
  budget?: { firstViewGzip: number; releasesGzip: number };
  /** Progress lines (the CLI prints them; tests stay quiet). */
  log?: (line: string) => void;
}

export interface PipelineReport {
  area: { code: string; name: string };
  outDir: string;
  counts: DataMetadata['counts'] & { postcodesWithoutCoordinates: number };
  /** Boundary features outside the area, per layer (codes). */
  dropped: { lsoa21: string[]; lsoa11: string[]; wards: string[] };
  releases: Array<{ id: ReleaseId; areaCount: number; nationalCount: number; mostDeprived1pc: number; nationalDecile1: number }>;
  outputs: OutputSize[];
  budget: BudgetVerdict;
  interventions: { placed: number; unplaced: Array<{ name: string; reason: string }> };
  spiRows: number | null;
  durationMs: number;
}

/** Change code of an area from its lookup rows: U only when the area really is unchanged. */
function changeCode(links: ChangeLink[] | undefined): ChangeCode | undefined {
  if (!links || links.length === 0) return undefined;
  if (links.some((l) => l.chg === 'U')) return 'U';
  return [...links].sort((a, b) => (a.chg < b.chg ? -1 : 1))[0]?.chg;
}

function sortedProps(p: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(p).sort()) if (p[k] !== undefined) out[k] = p[k];
  return out;
}

/** Cross-file checks: each problem names the file where the missing or extra row lives. */
function checkCoverage(
  problems: ProblemList,
  boundary: { file: string; features: AreaFeature[] },
  release: ReleaseData,
  areaMembers: Set<string>,
  area: string,
): void {
  const boundaryCodes = new Set(boundary.features.map((f) => f.code));
  const iodCodes = areaRecordCodes(release, areaMembers, area);
  boundary.features.forEach((f, i) => {
    if (!release.records.has(f.code)) {
      problems.add({
        file: release.file,
        location: `boundary feature ${i + 1} (${f.code})`,
        field: release.def.source.codeColumn,
        message: `no IoD${release.def.id} row for boundary ${f.code} "${f.name}" (from ${boundary.file})`,
      });
    }
  });
  for (const code of [...iodCodes].sort()) {
    if (!boundaryCodes.has(code)) {
      const rec = release.records.get(code);
      problems.add({
        file: boundary.file,
        location: `IoD${release.def.id} ${release.file} line ${rec?.line ?? '?'}`,
        field: release.def.source.codeColumn,
        message: `no boundary for LSOA ${code} "${rec?.name ?? ''}" of area ${area}`,
      });
    }
  }
}

/**
 * A release whose ranks run past its row count lacks rows. Names the English LSOAs of the ONS lookup
 * that have no row (when few enough to list), then the rank gap itself.
 */
function reportMissingRows(problems: ProblemList, release: ReleaseData, lookupCodes: Iterable<string>): void {
  const gap = release.missingRows;
  if (!gap) return;
  const absent = [...lookupCodes].filter((c) => c.startsWith('E') && !release.records.has(c)).sort();
  if (absent.length > 0 && absent.length <= 20) {
    for (const code of absent) {
      problems.add({ file: release.file, field: release.def.source.codeColumn, message: `no row for LSOA ${code} (listed in the ONS lookup)` });
    }
  }
  problems.add(gap.problem);
}

function bboxOf(features: AreaFeature[]): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (g: Polygon | MultiPolygon): void => {
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const poly of polys)
      for (const [x = NaN, y = NaN] of poly[0] ?? []) {
        b[0] = Math.min(b[0], x);
        b[1] = Math.min(b[1], y);
        b[2] = Math.max(b[2], x);
        b[3] = Math.max(b[3], y);
      }
  };
  features.forEach((f) => visit(f.geometry));
  return [round(b[0], 5), round(b[1], 5), round(b[2], 5), round(b[3], 5)];
}

export async function runPipeline(options: PipelineOptions = {}): Promise<PipelineReport> {
  const started = Date.now();
  const base = configFromEnv();
  const cfg: ResolvedConfig = {
    dataDir: options.dataDir ?? base.dataDir,
    outDir: options.outDir ?? base.outDir,
    area: options.area ?? base.area,
    sources: options.sources ?? base.sources,
  };
  const log = options.log ?? ((): void => undefined);
  const { dataDir, sources, area } = cfg;

  log(`Reading lookups from ${dataDir}`);
  const lookups: Lookups = readLookups(dataDir, sources);
  const sets = areaSets(lookups, area);
  if (sets.lsoa21.size === 0) {
    throw new PipelineError({ file: sources.lsoa21Ward, field: 'ltla24_code', message: `no LSOA 2021 belongs to area ${area}` });
  }

  log('Reading boundaries');
  const f21 = filterToArea(await readBoundaries(dataDir, sources.lsoa21), sets.lsoa21);
  const f11 = filterToArea(await readBoundaries(dataDir, sources.lsoa11), sets.lsoa11);
  const fw = filterToArea(await readBoundaries(dataDir, sources.wards), sets.wards);

  log('Reading indices of deprivation');
  // Every release of the table (src/data/releases.ts), each joined onto the LSOAs of its vintage.
  // Missing rows are reported after the coverage check below, which names the LSOA.
  const releases = RELEASE_LIST.map((def) => readRelease(dataDir, def, { deferMissingRows: true }));
  const on2021 = (r: ReleaseData): boolean => r.def.lsoaVintage === '2021';

  const problems = new ProblemList();
  for (const r of releases) {
    if (on2021(r)) checkCoverage(problems, f21.layer, r, sets.lsoa21, area);
    else checkCoverage(problems, f11.layer, r, sets.lsoa11, area);
  }
  // After coverage (which names a missing LSOA of the area): rows missing anywhere in England.
  for (const r of releases) reportMissingRows(problems, r, on2021(r) ? lookups.lsoa21.keys() : lookups.by11.keys());
  const codes21 = f21.layer.features.map((f) => f.code);
  const codes11 = f11.layer.features.map((f) => f.code);
  const wardCodes = new Set(fw.layer.features.map((f) => f.code));
  for (const w of [...sets.wards].sort()) {
    if (!wardCodes.has(w)) problems.add({ file: fw.layer.file, field: sources.wards.codeField, message: `no boundary for ward ${w} of area ${area} (from ${sources.lsoa21Ward})` });
  }
  f21.layer.features.forEach((f, i) => {
    if (!lookups.by21.has(f.code)) {
      problems.add({ file: sources.lsoa11To21, location: `boundary feature ${i + 1} (${f.code})`, field: 'lsoa21_code', message: `LSOA 2021 ${f.code} missing from the 2011→2021 lookup` });
    }
    if (!lookups.centroids.has(f.code)) {
      problems.add({ file: sources.centroids, location: `boundary feature ${i + 1} (${f.code})`, field: 'lsoa21cd', message: `no population-weighted centroid for ${f.code}` });
    }
  });
  const ward11 = new Map<string, string>();
  f11.layer.features.forEach((f, i) => {
    const succ = (lookups.by11.get(f.code) ?? []).map((l) => lookups.lsoa21.get(l.code21)?.ward).filter((w): w is string => !!w);
    const w = modalWard(succ);
    if (!w) problems.add({ file: sources.lsoa11To21, location: `boundary feature ${i + 1} (${f.code})`, field: 'lsoa11_code', message: `LSOA 2011 ${f.code} has no LSOA 2021 successor with a ward` });
    else ward11.set(f.code, w);
  });
  problems.throwIfAny();

  log('Joining');
  const joined = releases.map((r) => areaValues(r, on2021(r) ? codes21 : codes11));
  const joined21 = joined.filter((a) => on2021(a.release));
  const joined11 = joined.filter((a) => !on2021(a.release));
  /** Mid-2015 population from the first LSOA 2011 release that publishes one (IoD2019). */
  const population11 = (code: string): number | undefined =>
    joined11.map((a) => a.release.records.get(code)?.pop).find((p) => p !== undefined);

  // Earlier releases on 2021 areas: national rank/decile and flags only, since local ranks of a
  // partial set of unchanged areas would mean something different from the 2011-area local ranks.
  const comparable = (a: AreaRelease, code: string): IodValues => {
    const src = a.values.get(code) ?? {};
    const out: IodValues = {};
    for (const ind of a.release.def.indicators) {
      for (const field of ['r', 'd'] as const) {
        const k = valueKey(a.release.def.id, ind, field);
        if (src[k] !== undefined) out[k] = src[k];
      }
    }
    for (const p of [1, 10] as const) {
      const k = flagKey(a.release.def.id, p);
      if (src[k] !== undefined) out[k] = src[k];
    }
    return out;
  };

  // First-view budget: see isFirstViewKey() in the contract for what goes where.
  const detailColumns = new Map<string, Map<string, number>>();
  const lsoa21Features: AreaGeoFeature[] = f21.layer.features.map((f) => {
    const geo = lookups.lsoa21.get(f.code);
    const chg = changeCode(lookups.by21.get(f.code)) ?? 'X';
    const c = lookups.centroids.get(f.code);
    const props: LsoaProperties = {
      code: f.code,
      name: f.name,
      ward: geo?.ward ?? '',
      chg,
      ...(c ? { cx: round(c[0], 5), cy: round(c[1], 5) } : {}),
    };
    for (const a of joined21) Object.assign(props, a.values.get(f.code));
    if (chg === 'U' && joined11.every((a) => a.release.records.has(f.code))) {
      for (const a of joined11) Object.assign(props, comparable(a, f.code));
      const pop = population11(f.code);
      if (pop !== undefined) props.pop = pop;
      const target = props[valueKey(CHANGE_TARGET_RELEASE, 'imd', 'd')];
      for (const a of joined11) {
        const earlier = props[valueKey(a.release.def.id, 'imd', 'd')];
        if (typeof target === 'number' && typeof earlier === 'number') props[decileChangeKey(a.release.def.id, CHANGE_TARGET_RELEASE)] = target - earlier;
      }
    }
    const first: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(props)) {
      if (isFirstViewKey(k)) first[k] = v;
      else if (typeof v === 'number') detailColumns.set(k, (detailColumns.get(k) ?? new Map<string, number>()).set(f.code, v));
    }
    return { type: 'Feature', properties: sortedProps(first), geometry: f.geometry };
  });
  const details: AreaDetails = {
    codes: codes21,
    columns: Object.fromEntries(
      [...detailColumns.keys()].sort().map((k) => [k, codes21.map((c) => detailColumns.get(k)?.get(c) ?? null)]),
    ),
  };

  const lsoa11Features: AreaGeoFeature[] = f11.layer.features.map((f) => {
    const props: LsoaProperties = {
      code: f.code,
      name: f.name,
      ward: ward11.get(f.code) ?? '',
      chg: changeCode(lookups.by11.get(f.code)) ?? 'X',
    };
    for (const a of joined11) Object.assign(props, a.values.get(f.code));
    const pop = population11(f.code);
    if (pop !== undefined) props.pop = pop;
    return { type: 'Feature', properties: sortedProps(props), geometry: f.geometry };
  });

  const members = (a: AreaRelease, codes: string[], wardOf: (c: string) => string | undefined): WardMember[] =>
    codes.flatMap((code) => {
      const v = a.values.get(code) ?? {};
      const ward = wardOf(code);
      const rank = v[valueKey(a.release.def.id, 'imd', 'r')];
      const decile = v[valueKey(a.release.def.id, 'imd', 'd')];
      if (!ward || rank === undefined || decile === undefined) return [];
      return [{ ward, rank, decile, p1: v[flagKey(a.release.def.id, 1)] ?? 0 }];
    });
  const summaries = joined.map((a) =>
    on2021(a.release)
      ? wardSummaries(a.release.def.id, members(a, codes21, (c) => lookups.lsoa21.get(c)?.ward))
      : wardSummaries(a.release.def.id, members(a, codes11, (c) => ward11.get(c))),
  );
  const wardFeatures: AreaGeoFeature[] = fw.layer.features.map((f) => {
    const committee = lookups.committee.get(f.code);
    const [lx, ly] = labelPoint({ type: 'Feature', properties: {}, geometry: f.geometry });
    const props: WardProperties = {
      code: f.code,
      name: f.name,
      lx: round(lx, 5),
      ly: round(ly, 5),
      ...(committee ? { committee } : {}),
    };
    for (const s of summaries) Object.assign(props, s.get(f.code));
    return { type: 'Feature', properties: sortedProps(props), geometry: f.geometry };
  });

  log('Building topology');
  const minWeight = options.simplifyMinWeight ?? SIMPLIFY_MIN_WEIGHT;
  const topo21 = buildTopology({ [TOPO_OBJECTS.lsoa21]: lsoa21Features, [TOPO_OBJECTS.wards]: wardFeatures }, minWeight, QUANTIZATION);
  const topo11 = buildTopology({ [TOPO_OBJECTS.lsoa11]: lsoa11Features }, minWeight, QUANTIZATION);

  log('Indexing postcodes');
  const pcs = buildPostcodeIndex(dataDir, sources.postcodes, f21.layer.features);

  const counts: PipelineReport['counts'] = {
    lsoa21: lsoa21Features.length,
    lsoa11: lsoa11Features.length,
    wards: wardFeatures.length,
    postcodes: pcs.total,
    postcodesWithoutLsoa: pcs.withoutLsoa,
    postcodesWithoutCoordinates: pcs.withoutCoordinates,
  };
  const metadata = buildMetadata({
    area: { code: area, name: sets.name },
    releases: joined,
    sources,
    counts,
    bbox: bboxOf([...f21.layer.features, ...fw.layer.features]),
    postcodeDistricts: pcs.districts.map((d) => d.district),
  });

  log('Placing interventions');
  const toCollection = (features: readonly AreaFeature[]) => ({
    type: 'FeatureCollection' as const,
    features: features.map((f) => ({ type: 'Feature' as const, properties: { code: f.code, name: f.name }, geometry: f.geometry })),
  });
  const contentDir = options.contentDir === undefined ? CONTENT_DIR : options.contentDir;
  const interventions =
    contentDir === null
      ? { collection: { type: 'FeatureCollection' as const, features: [], unplaced: [], merged: [] }, unplaced: [], warnings: ['no content directory: interventions layer left empty'] }
      : buildInterventions({
          sourcesDir: dataDir,
          contentDir,
          areaCode: area,
          lsoa21: toCollection(f21.layer.features),
          wards: toCollection(fw.layer.features),
        });
  for (const w of interventions.warnings) log(`interventions: ${w}`);

  log('Reading Social Progress Index (optional)');
  // Always written, as null when the sources have no SPI file, so the app can tell "none" without a 404.
  const spi = readSpiFromSources(dataDir, fw.layer.features.map((f) => ({ code: f.code, name: f.name })), { onWarning: (m) => log(`spi: ${m}`) });

  // One content per generated file the contract declares: a file added to GEO_FILES and not
  // written here is a compile error (and ensure-data checks exactly GEO_FILES).
  // The postcodes entry is a folder: one file per district.
  const contents: Record<keyof typeof GEO_FILES, string | OutputFile[]> = {
    areas2021: stableStringify(topo21),
    details2021: stableStringify(details),
    areas2011: stableStringify(topo11),
    metadata: `${JSON.stringify(JSON.parse(stableStringify(metadata)), null, 2)}\n`,
    postcodes: pcs.districts.map((d) => ({ name: postcodeDistrictFile(d.district), content: stableStringify(d) })),
    interventions: stableStringify(interventions.collection),
    spi: stableStringify(spi),
  };
  const files = Object.entries(contents).flatMap(([key, content]) => (typeof content === 'string' ? [{ name: GEO_FILES[key as keyof typeof GEO_FILES], content }] : content));
  const outputs = measure(files);
  const budget = budgetVerdict(outputs, options.budget);
  const over = [...budgetProblems(budget), ...postcodeFileProblems(outputs)];
  if (over.length > 0) {
    const sizes = outputs.map((o) => `${o.name} ${o.raw} B raw / ${o.gzip} B gzip`).join('; ');
    throw new PipelineError([...over, { file: cfg.outDir, message: `sizes: ${sizes}; previous outputs kept` }]);
  }
  writeAtomically(cfg.outDir, files);

  return {
    area: { code: area, name: sets.name },
    outDir: cfg.outDir,
    counts,
    dropped: { lsoa21: f21.dropped, lsoa11: f11.dropped, wards: fw.dropped },
    releases: joined.map((a) => ({
      id: a.release.def.id,
      areaCount: a.areaCount,
      nationalCount: a.release.nationalCount,
      mostDeprived1pc: a.mostDeprived1pc,
      nationalDecile1: a.nationalDecile1,
    })),
    outputs,
    budget,
    interventions: { placed: interventions.collection.features.length, unplaced: interventions.unplaced.map((u) => ({ name: u.name, reason: u.reason })) },
    spiRows: spi?.rows.length ?? null,
    durationMs: Date.now() - started,
  };
}

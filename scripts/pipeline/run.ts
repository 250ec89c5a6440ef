import {
  CHANGE_TARGET_RELEASE,
  GEO_FILES,
  postcodeDistrictFile,
  RELEASE_LIST,
  TOPO_OBJECTS,
  decileChangeKey,
  flagKey,
  valueKey,
  type DataMetadata,
  type IodValues,
  type LsoaProperties,
  type ReleaseId,
  type WardProperties,
  type AreaDetails,
  isFirstViewKey,
  compactDetails,
  INDICATORS,
  RELEASE_PREFIX,
} from '../../src/data/contract';
import type { AreaFeature } from './boundaries';
import { BUDGET, configFromEnv, QUANTIZATION, SIMPLIFY_MIN_WEIGHT, type ResolvedConfig } from './config';
import { PipelineError, ProblemList, type Problem } from './errors';
import { readEnglandLayer } from './sources/england';
import { checkAreaCode, hasDistrictList } from './area-codes';
import { readAreaGeography } from './area-geography';
import { contentDirFor, councilContent } from './council-content';
import { areaBudget } from './area-budget';
import { cachedSource } from './source-cache';
import { areaValues, readRelease, type AreaRelease, type ReleaseData } from './join-iod';
import { readLookups, type Lookups } from './lookups';
import { buildMetadata, releaseMetadata } from './metadata';
import { buildPostcodeIndex, type PostcodeResult } from './postcodes';
import { round } from './reproject';
import { modalWard, wardSummaries, type WardMember } from './wards';
import { buildTopology, type AreaGeoFeature } from './write-topojson';
import { areaMinWeight, fitTopology } from './fit-topology';
import { buildInterventions } from './interventions';
import { LEEDS_POSTCODES_FILE, NSPL_DIR } from './interventions-sources';
import { areaPeople } from './file7';
import { censusAndSupplementary, extraIndicatorsFor, populationMetadata } from './people-sources';
import { readSpiFromSources } from './spi';
import { readStanding } from './file10';
import { englandWardsContent } from './england-wards';
import { labelPoint } from '../../src/domain/label-points';
import { CONTEXT_BUDGET_GZIP } from './config';
import { buildContext } from './context';
import { checkCoverage, reportMissingRows } from './coverage';
import { bboxOf, changeCode, sortedProps, withoutDerivable } from './feature-helpers';
import {
  budgetProblems,
  budgetVerdict,
  measure,
  postcodeFileProblems,
  stableStringify,
  writeAtomically,
  type BudgetVerdict,
  type OutputFile,
  type OutputSize,
} from './write-outputs';

export interface PipelineOptions extends Partial<ResolvedConfig> {
  /**
   * The repo's curated content (priority areas, interventions), which is about one area (Leeds).
   * null skips the interventions step (an empty layer is written), e.g. for synthetic test areas.
   */
  contentDir?: string | null;
  /** Override for tests: how small a vertex must be to be simplified away. */
  simplifyMinWeight?: number;
  /** Override the gzip budgets (bytes); tests use this to exercise the over-budget failure. */
  budget?: { firstViewGzip: number; releasesGzip: number; contextGzip?: number };
  /** Progress lines (the CLI prints them; tests stay quiet). */
  log?: (line: string) => void;
}

export interface PipelineReport {
  area: { code: string; name: string };
  outDir: string;
  counts: DataMetadata['counts'] & { postcodesWithoutCoordinates: number };
  /** Postcode directory rows skipped (malformed, outside Great Britain, duplicate), by file and line. */
  postcodeSkipped: Problem[];
  /** Boundary features outside the area, per layer (codes). */
  dropped: { lsoa21: string[]; lsoa11: string[]; wards: string[] };
  releases: Array<{
    id: ReleaseId;
    areaCount: number;
    nationalCount: number;
    mostDeprived1pc: number;
    nationalDecile1: number;
  }>;
  outputs: OutputSize[];
  budget: BudgetVerdict;
  interventions: { placed: number; unplaced: Array<{ name: string; reason: string }> };
  spiRows: number | null;
  /** How LSOAs were put in wards, with how many moved against the centroid rule and which wards are empty. */
  wards: {
    method: 'lookup' | 'centroid';
    vintage: string;
    movedFromCentroid: number | null;
    withoutLsoa: string[];
    note: string;
  };
  /** The people figures counted (source, year) and their area total; null without any. */
  population: { source: string; total: number | null } | null;
  /** The orientation layer: what was kept (null counts when the sources do not cover the area) and its note. */
  context: { counts: Record<string, number>; note: string | null };
  durationMs: number;
}

/** Change code of an area from its lookup rows: U only when the area really is unchanged. */
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

  // Checked before anything is read or written. Synthetic test sources have no district list.
  const district =
    sources.englandWide || hasDistrictList(dataDir) ? checkAreaCode(area, dataDir) : { code: area, name: '' };
  log(`Reading lookups from ${dataDir}`);
  const lookups: Lookups = cachedSource(`lookups:${dataDir}`, () => readLookups(dataDir, sources));

  log('Reading boundaries');
  const geo = await readAreaGeography(cfg, lookups, district.name);
  const { sets, f21, f11, fw } = geo;

  log('Reading indices of deprivation');
  // Every release of the table (src/data/releases.ts), each joined onto the LSOAs of its vintage.
  // Missing rows are reported after the coverage check below, which names the LSOA.
  // Parsed once per process (build:sites reads each file once for every council).
  const releases = RELEASE_LIST.map((def) =>
    cachedSource(`iod:${dataDir}:${def.source.file}`, () => readRelease(dataDir, def, { deferMissingRows: true })),
  );
  const on2021 = (r: ReleaseData): boolean => r.def.lsoaVintage === '2021';

  const problems = new ProblemList();
  for (const r of releases) {
    if (on2021(r)) checkCoverage(problems, f21.layer, r, sets.lsoa21, area, geo.iodLadColumn);
    else checkCoverage(problems, f11.layer, r, sets.lsoa11, area, geo.iodLadColumn);
  }
  // After coverage (which names a missing LSOA of the area): rows missing anywhere in England.
  for (const r of releases) reportMissingRows(problems, r, on2021(r) ? lookups.lsoa21.keys() : lookups.by11.keys());
  const codes21 = f21.layer.features.map((f) => f.code);
  const codes11 = f11.layer.features.map((f) => f.code);
  const wardCodes = new Set(fw.layer.features.map((f) => f.code));
  for (const w of [...sets.wards].sort()) {
    if (!wardCodes.has(w))
      problems.add({
        file: fw.layer.file,
        field: sources.wards.codeField,
        message: `no boundary for ward ${w} of area ${area} (from ${sources.lsoa21Ward})`,
      });
  }
  f21.layer.features.forEach((f, i) => {
    if (!lookups.by21.has(f.code)) {
      problems.add({
        file: sources.lsoa11To21,
        location: `boundary feature ${i + 1} (${f.code})`,
        field: 'lsoa21_code',
        message: `LSOA 2021 ${f.code} missing from the 2011→2021 lookup`,
      });
    }
    if (!lookups.centroids.has(f.code)) {
      problems.add({
        file: sources.centroids,
        location: `boundary feature ${i + 1} (${f.code})`,
        field: 'lsoa21cd',
        message: `no population-weighted centroid for ${f.code}`,
      });
    }
  });
  const ward11 = new Map<string, string>();
  f11.layer.features.forEach((f, i) => {
    const succ = (lookups.by11.get(f.code) ?? []).map((l) => geo.ward21.get(l.code21)).filter((w): w is string => !!w);
    const w = modalWard(succ) ?? geo.ward11ByLocation.get(f.code);
    if (!w)
      problems.add({
        file: sources.lsoa11To21,
        location: `boundary feature ${i + 1} (${f.code})`,
        field: 'lsoa11_code',
        message: `LSOA 2011 ${f.code} has no LSOA 2021 successor with a ward`,
      });
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
  // IoD2025 File 7 (IDACI, IDAOPI, mid-2022 population): only where it holds every LSOA of the area.
  const r25 = releases.find((r) => r.def.id === '2025');
  if (!r25) throw new Error('the release table has no 2025 release');
  const people = areaPeople({
    dataDir,
    file: r25.def.optionalSources?.[0]?.file,
    area,
    areaName: sets.name,
    codes: codes21,
    release2025: r25,
  });
  log(
    people.available
      ? `IoD2025 File 7: IDACI, IDAOPI and mid-2022 population for all ${codes21.length} LSOAs`
      : `IoD2025 File 7 not used: ${people.reason}`,
  );
  // Census 2021 people for every LSOA (details file), and File 3's IDACI/IDAOPI ranks where File 7 is absent.
  const { census, supplementary } = censusAndSupplementary(dataDir, sources, codes21, people.available ? null : r25);
  if (census) log(`Census 2021: ${census.totals.c21pop} usual residents in ${codes21.length} LSOAs`);
  if (supplementary)
    log(`IoD2025 File 3: IDACI and IDAOPI ranks and deciles for all ${codes21.length} LSOAs (no scores)`);

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
    const chg = changeCode(lookups.by21.get(f.code)) ?? 'X';
    const c = lookups.centroids.get(f.code);
    const props: LsoaProperties = {
      code: f.code,
      name: f.name,
      ward: geo.ward21.get(f.code) ?? '',
      chg,
      ...(c ? { cx: round(c[0], 5), cy: round(c[1], 5) } : {}),
    };
    for (const a of joined21) Object.assign(props, a.values.get(f.code));
    if (people.available) Object.assign(props, people.values.get(f.code));
    if (census) Object.assign(props, census.values.get(f.code));
    if (supplementary) Object.assign(props, supplementary.values.get(f.code));
    if (chg === 'U' && joined11.every((a) => a.release.records.has(f.code))) {
      for (const a of joined11) Object.assign(props, comparable(a, f.code));
      const pop = population11(f.code);
      if (pop !== undefined) props.pop = pop;
      const target = props[valueKey(CHANGE_TARGET_RELEASE, 'imd', 'd')];
      for (const a of joined11) {
        const earlier = props[valueKey(a.release.def.id, 'imd', 'd')];
        if (typeof target === 'number' && typeof earlier === 'number')
          props[decileChangeKey(a.release.def.id, CHANGE_TARGET_RELEASE)] = target - earlier;
      }
    }
    const first: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(props)) {
      if (isFirstViewKey(k)) first[k] = v;
      else if (typeof v === 'number')
        detailColumns.set(k, (detailColumns.get(k) ?? new Map<string, number>()).set(f.code, v));
    }
    return { type: 'Feature', properties: sortedProps(first), geometry: f.geometry };
  });
  // Local ranks of the 2025 indicators are derived from national ranks on loading (budget).
  const detailValues = new Map<string, IodValues>();
  for (const [key, byCode] of detailColumns)
    for (const [code, v] of byCode) detailValues.set(code, { ...detailValues.get(code), [key]: v });
  const details: AreaDetails = compactDetails(
    codes21,
    detailValues,
    INDICATORS.map((ind) => `${RELEASE_PREFIX['2025']}_${ind}`),
  );

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
      if (
        !ward ||
        v[valueKey(a.release.def.id, 'imd', 'r')] === undefined ||
        v[valueKey(a.release.def.id, 'imd', 'd')] === undefined
      )
        return [];
      return [{ code, ward }];
    });
  const summaries = joined.map((a) =>
    on2021(a.release)
      ? wardSummaries(
          a.release.def.id,
          members(a, codes21, (c) => geo.ward21.get(c)),
          a.values,
        )
      : wardSummaries(
          a.release.def.id,
          members(a, codes11, (c) => ward11.get(c)),
          a.values,
        ),
  );
  const wardFeatures: AreaGeoFeature[] = fw.layer.features.map((f) => {
    // The compiled committee list is about Leeds' Dec 2024 wards only.
    const committee = sources.englandWide ? undefined : lookups.committee.get(f.code);
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
  // The release facts the app reads from metadata.json to restore the fields the files leave out.
  const extraIndicators = extraIndicatorsFor(people.available, supplementary !== null);
  const derivation = joined.map((a) => releaseMetadata(a, extraIndicators[a.release.def.id]));
  // England-wide builds: bytes per LSOA (issue 11); the Leeds sources keep their absolute budget.
  const budgetLimits = options.budget ?? (sources.englandWide ? areaBudget(lsoa21Features.length) : BUDGET);
  const areaBbox = bboxOf([...f21.layer.features, ...fw.layer.features]);
  const {
    topology: topo21,
    minWeight,
    minPartArea,
    quantization,
  } = fitTopology(
    { [TOPO_OBJECTS.lsoa21]: withoutDerivable(lsoa21Features, derivation, '2021'), [TOPO_OBJECTS.wards]: wardFeatures },
    options.simplifyMinWeight ?? areaMinWeight(SIMPLIFY_MIN_WEIGHT, areaBbox, lsoa21Features.length),
    QUANTIZATION,
    budgetLimits.firstViewGzip,
  );
  const topo11 = buildTopology(
    { [TOPO_OBJECTS.lsoa11]: withoutDerivable(lsoa11Features, derivation, '2011') },
    minWeight,
    quantization,
  );

  log('Indexing postcodes');
  const pcs: PostcodeResult = buildPostcodeIndex({
    dataDir,
    postcodes: sources.postcodes,
    placementLayer: await readEnglandLayer(dataDir, sources.postcodeLsoas ?? sources.lsoa21),
    own: f21.layer.features,
    councilOf: (code) => {
      const g = lookups.lsoa21.get(code);
      return g ? { code: g.lad, name: g.ladName } : undefined;
    },
  });
  // Bad directory rows are skipped, not fatal: each named by file and line (once per process's parse).
  for (const p of pcs.skipped.slice(0, 20))
    log(`postcodes: skipped ${p.file} ${p.location ?? ''} (${p.field ?? ''}): ${p.message}`);
  if (pcs.skipped.length > 20)
    log(`postcodes: … ${pcs.skipped.length - 20} more skipped rows (report.postcodeSkipped lists them all)`);

  const counts: PipelineReport['counts'] = {
    lsoa21: lsoa21Features.length,
    lsoa11: lsoa11Features.length,
    wards: wardFeatures.length,
    postcodes: pcs.total,
    postcodesWithoutLsoa: pcs.withoutLsoa,
    postcodesWithoutCoordinates: pcs.withoutCoordinates,
    postcodesNearby: pcs.nearby,
    postcodeRowsSkipped: pcs.skipped.length,
  };
  const contentDir = options.contentDir === undefined ? contentDirFor(area) : options.contentDir;
  const metadata = buildMetadata({
    area: { code: area, name: sets.name },
    council: { sources, wardMethod: geo.wardMethod, content: councilContent(contentDir) },
    releases: joined,
    extraIndicators,
    people: people.available
      ? { available: true, sourceFile: people.file, reference: 'mid-2022', totals: people.totals }
      : { available: false, sourceFile: people.file, reason: people.reason },
    population: populationMetadata(people, census),
    sources,
    counts,
    bbox: areaBbox,
    simplifyMinWeight: minWeight,
    minPartArea,
    quantization,
    postcodeDistricts: pcs.districts,
    postcodeSplitDistricts: pcs.splitDistricts,
  });

  log('Building the context layer (roads, rail, rivers, parks, place names)');
  const context = await buildContext(dataDir, area, metadata.bbox);
  metadata.context = context.metadata;
  metadata.attribution = [...metadata.attribution, ...context.metadata.attribution];
  metadata.sources = [...metadata.sources, ...context.sources];
  if (context.metadata.note) log(`context: ${context.metadata.note}`);

  log('Placing interventions');
  const toCollection = (features: readonly AreaFeature[]) => ({
    type: 'FeatureCollection' as const,
    features: features.map((f) => ({
      type: 'Feature' as const,
      properties: { code: f.code, name: f.name },
      geometry: f.geometry,
    })),
  });
  const interventions =
    contentDir === null
      ? {
          collection: { type: 'FeatureCollection' as const, features: [], unplaced: [], cityWide: [], merged: [] },
          unplaced: [],
          warnings: ['no content directory: interventions layer left empty'],
        }
      : buildInterventions({
          sourcesDir: dataDir,
          contentDir,
          areaCode: area,
          lsoa21: toCollection(f21.layer.features),
          wards: toCollection(fw.layer.features),
          // Leeds keeps its LS table so its interventions are unchanged (WF and BD postcodes stay unplaced).
          postcodes: sources.englandWide
            ? { kind: 'areas', dir: NSPL_DIR }
            : { kind: 'table', file: LEEDS_POSTCODES_FILE },
        });
  for (const w of interventions.warnings) log(`interventions: ${w}`);

  log('Reading Social Progress Index (optional)');
  // Always written, as null when the sources have no SPI file, so the app can tell "none" without a 404.
  const spi = sources.englandWide
    ? null
    : readSpiFromSources(
        dataDir,
        fw.layer.features.map((f) => ({ code: f.code, name: f.name })),
        { onWarning: (m) => log(`spi: ${m}`) },
      );

  // One content per generated file the contract declares: a file added to GEO_FILES and not
  // written here is a compile error (and ensure-data checks exactly GEO_FILES).
  // The postcodes entry is a folder: one file per district.
  const contents: Record<keyof typeof GEO_FILES, string | OutputFile[]> = {
    areas2021: stableStringify(topo21),
    details2021: stableStringify(details),
    areas2011: stableStringify(topo11),
    metadata: `${JSON.stringify(JSON.parse(stableStringify(metadata)), null, 2)}\n`,
    postcodes: pcs.files.map((f) => ({ name: postcodeDistrictFile(f.key), content: stableStringify(f.content) })),
    interventions: stableStringify(interventions.collection),
    spi: stableStringify(spi),
    context: stableStringify(context.data),
    standing: stableStringify(readStanding(dataDir, { code: area, name: sets.name })),
    // The same file for every council, computed once per process.
    englandWards: englandWardsContent(dataDir, sources, r25),
  };
  const files = Object.entries(contents).flatMap(([key, content]) =>
    typeof content === 'string' ? [{ name: GEO_FILES[key as keyof typeof GEO_FILES], content }] : content,
  );
  const outputs = measure(files);
  const budget = budgetVerdict(outputs, budgetLimits);
  const over = [...budgetProblems(budget), ...postcodeFileProblems(outputs)];
  const contextGzip = outputs.find((o) => o.name === GEO_FILES.context)?.gzip ?? 0;
  const contextLimit = options.budget?.contextGzip ?? CONTEXT_BUDGET_GZIP;
  if (contextGzip > contextLimit)
    over.push({
      file: GEO_FILES.context,
      message: `over budget: ${(contextGzip / 1024).toFixed(1)} KB gzip > ${(contextLimit / 1024).toFixed(1)} KB`,
    });
  // England-wide builds: a district whose outlines cannot reach the per-LSOA budget even fully
  // simplified (a few, where May 2025 wards cut across many LSOAs) is still built, with a warning
  // (report.budget.ok false; build:sites lists them), rather than leaving the council no atlas.
  if (over.length > 0 && sources.englandWide && options.budget === undefined) {
    for (const p of over) log(`warning: ${p.file}: ${p.message}`);
  } else if (over.length > 0) {
    const sizes = outputs.map((o) => `${o.name} ${o.raw} B raw / ${o.gzip} B gzip`).join('; ');
    throw new PipelineError([...over, { file: cfg.outDir, message: `sizes: ${sizes}; previous outputs kept` }]);
  }
  writeAtomically(cfg.outDir, files);

  return {
    area: { code: area, name: sets.name },
    outDir: cfg.outDir,
    counts,
    postcodeSkipped: pcs.skipped,
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
    interventions: {
      placed: interventions.collection.features.length,
      unplaced: interventions.unplaced.map((u) => ({ name: u.name, reason: u.reason })),
    },
    spiRows: spi?.rows.length ?? null,
    wards: {
      method: geo.wardMethod.method,
      vintage: geo.wardMethod.vintage,
      movedFromCentroid: geo.wardMethod.movedFromCentroid?.length ?? null,
      withoutLsoa: geo.wardMethod.withoutLsoa ?? [],
      note: metadata.council?.wards.note ?? '',
    },
    population: metadata.population
      ? { source: metadata.population.used.source, total: metadata.population.totals.population ?? null }
      : null,
    context: { counts: context.counts, note: context.metadata.note },
    durationMs: Date.now() - started,
  };
}

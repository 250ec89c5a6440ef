import { GEO_FILES, type DataMetadata, type ReleaseId } from '../../src/data/contract';
import { configFromEnv, CONTEXT_BUDGET_GZIP, type ResolvedConfig } from './config';
import { contentDirFor } from './council-content';
import { PipelineError, type Problem } from './errors';
import { PIPELINE_STEPS, type GeoFileKey, type PipelineOptions, type StepValues } from './steps';
import { runSteps } from './steps/run-steps';
import type { FileContent } from './steps/step';
import {
  budgetProblems,
  budgetVerdict,
  measure,
  postcodeFileProblems,
  writeAtomically,
  type BudgetVerdict,
  type OutputFile,
  type OutputSize,
} from './write-outputs';

export type { PipelineOptions } from './steps';

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

/** Runs every step of the registry (steps/index.ts), checks the budgets, then writes all files at once. */
export async function runPipeline(options: PipelineOptions = {}): Promise<PipelineReport> {
  const started = Date.now();
  const base = configFromEnv();
  const cfg: ResolvedConfig = {
    dataDir: options.dataDir ?? base.dataDir,
    outDir: options.outDir ?? base.outDir,
    area: options.area ?? base.area,
    sources: options.sources ?? base.sources,
  };
  const contentDir = options.contentDir === undefined ? contentDirFor(cfg.area) : options.contentDir;
  const log = options.log ?? ((): void => undefined);
  const { values, files } = await runSteps(PIPELINE_STEPS, { cfg, options, contentDir, log });
  const v = complete(values);
  const outputFiles = [...files].flatMap(([key, content]) => outputFilesOf(key, content));
  const { outputs, budget } = checkBudgets(cfg, options, v.topology.budget, outputFiles, log);
  writeAtomically(cfg.outDir, outputFiles);
  return report(cfg, v, outputs, budget, Date.now() - started);
}

/** A file's content as the files to write (the postcodes folder is already a list). */
function outputFilesOf(key: GeoFileKey, content: FileContent): OutputFile[] {
  return typeof content === 'string' ? [{ name: GEO_FILES[key], content }] : content;
}

/** Every value the report reads, or a clear error naming the one no step provided. */
function complete(values: Partial<StepValues>): Pick<StepValues, ReportValue> {
  const need = <K extends ReportValue>(key: K): StepValues[K] => {
    const v = values[key];
    if (v === undefined) throw new Error(`pipeline: no step provided ${key}`);
    return v;
  };
  return {
    geo: need('geo'),
    joined: need('joined'),
    counts: need('counts'),
    postcodes: need('postcodes'),
    topology: need('topology'),
    metadata: need('metadata'),
    context: need('context'),
    interventions: need('interventions'),
    spi: need('spi'),
  };
}
type ReportValue =
  | 'geo'
  | 'joined'
  | 'counts'
  | 'postcodes'
  | 'topology'
  | 'metadata'
  | 'context'
  | 'interventions'
  | 'spi';

/**
 * Sizes and the budget verdict; throws (previous outputs kept) when a file is over budget.
 * England-wide builds: a district whose outlines cannot reach the per-LSOA budget even fully
 * simplified (a few, where May 2025 wards cut across many LSOAs) is still built, with a warning
 * (report.budget.ok false; build:sites lists them), rather than leaving the council no atlas.
 */
function checkBudgets(
  cfg: ResolvedConfig,
  options: PipelineOptions,
  limits: StepValues['topology']['budget'],
  files: OutputFile[],
  log: (line: string) => void,
): { outputs: OutputSize[]; budget: BudgetVerdict } {
  const outputs = measure(files);
  const budget = budgetVerdict(outputs, limits);
  const over = [...budgetProblems(budget), ...postcodeFileProblems(outputs)];
  const contextGzip = outputs.find((o) => o.name === GEO_FILES.context)?.gzip ?? 0;
  const contextLimit = options.budget?.contextGzip ?? CONTEXT_BUDGET_GZIP;
  if (contextGzip > contextLimit)
    over.push({
      file: GEO_FILES.context,
      message: `over budget: ${(contextGzip / 1024).toFixed(1)} KB gzip > ${(contextLimit / 1024).toFixed(1)} KB`,
    });
  if (over.length > 0 && cfg.sources.englandWide && options.budget === undefined) {
    for (const p of over) log(`warning: ${p.file}: ${p.message}`);
  } else if (over.length > 0) {
    const sizes = outputs.map((o) => `${o.name} ${o.raw} B raw / ${o.gzip} B gzip`).join('; ');
    throw new PipelineError([...over, { file: cfg.outDir, message: `sizes: ${sizes}; previous outputs kept` }]);
  }
  return { outputs, budget };
}

function report(
  cfg: ResolvedConfig,
  v: Pick<StepValues, ReportValue>,
  outputs: OutputSize[],
  budget: BudgetVerdict,
  durationMs: number,
): PipelineReport {
  const { geo, metadata, context, interventions } = v;
  return {
    area: { code: cfg.area, name: geo.sets.name },
    outDir: cfg.outDir,
    counts: v.counts,
    postcodeSkipped: v.postcodes.skipped,
    dropped: { lsoa21: geo.f21.dropped, lsoa11: geo.f11.dropped, wards: geo.fw.dropped },
    releases: v.joined.map((a) => ({
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
    spiRows: v.spi?.rows.length ?? null,
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
    durationMs,
  };
}

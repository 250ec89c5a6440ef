/**
 * The pipeline as a list of steps (issue 20.4). Each step names the values of earlier steps it reads
 * (`inputs`), the values it hands on (`provides`) and the generated files it gives the content of
 * (`outputs`, GEO_FILES keys). runPipeline (run.ts) runs them in order and checks each declaration;
 * scripts/cli/ensure-data.ts takes the list of generated files from the same steps.
 */
import type { DataMetadata, GEO_FILES, IodValues } from '../../../src/data/contract';
import type { SpiDataset } from '../../../src/domain/spi/schema';
import type { AreaGeography } from '../area-geography';
import type { District } from '../area-codes';
import type { ResolvedConfig } from '../config';
import type { ContextResult } from '../context';
import type { AreaPeople } from '../file7';
import type { BuildInterventionsResult } from '../interventions';
import type { AreaRelease, ReleaseData } from '../join-iod';
import type { Lookups } from '../lookups';
import type { AreaCensus, ExtraIndicators } from '../people-sources';
import type { PostcodeResult } from '../postcodes';
import type { AreaGeoFeature } from '../write-topojson';
import type { OutputFile } from '../write-outputs';

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
  /**
   * The process builds many councils (build:sites): national sources a council needs only part of
   * (the postcode directory) are parsed whole once and kept, each council filtering the same parse.
   * Otherwise (build:data, one council) only the part near the area is kept, which is faster and
   * holds far less memory (issue 25).
   */
  keepSources?: boolean;
  /** Progress lines (the CLI prints them; tests stay quiet). */
  log?: (line: string) => void;
}

/** The gzip budgets a build is held to. */
export interface BudgetLimits {
  firstViewGzip: number;
  releasesGzip: number;
}

/** What the steps hand each other, by name. */
export interface StepValues {
  district: District;
  lookups: Lookups;
  geo: AreaGeography;
  /** Every release of the table, parsed England-wide. */
  releases: ReleaseData[];
  /** LSOA 2011 code → ward (via its LSOA 2021 successors, or its location). */
  ward11: Map<string, string>;
  /** Each release joined onto the area's LSOAs of its vintage. */
  joined: AreaRelease[];
  people: AreaPeople;
  census: AreaCensus | null;
  supplementary: { file: string; values: Map<string, IodValues> } | null;
  /** The LSOA 2021 features with their first-view properties (the rest is in the details file). */
  lsoa21: AreaGeoFeature[];
  lsoa11: AreaGeoFeature[];
  wards: AreaGeoFeature[];
  extraIndicators: ExtraIndicators;
  /** How the area files were fitted to the budget (metadata records it). */
  topology: {
    bbox: [number, number, number, number];
    minWeight: number;
    minPartArea: number;
    quantization: number;
    budget: BudgetLimits;
  };
  postcodes: PostcodeResult;
  context: ContextResult;
  metadata: DataMetadata;
  counts: DataMetadata['counts'] & { postcodesWithoutCoordinates: number };
  interventions: Pick<BuildInterventionsResult, 'collection' | 'unplaced' | 'warnings'>;
  spi: SpiDataset | null;
}
export type StepValueKey = keyof StepValues;

export type GeoFileKey = keyof typeof GEO_FILES;
/** A generated file's content: one file's text, or the files of a folder (postcodes/). */
export type FileContent = string | OutputFile[];

export interface StepContext {
  cfg: ResolvedConfig;
  options: PipelineOptions;
  /** The council's content folder, or null (no interventions). */
  contentDir: string | null;
  log: (line: string) => void;
  /** A value an earlier step provided; throws when the step did not declare it as an input. */
  get<K extends StepValueKey>(key: K): StepValues[K];
}

export interface StepResult {
  values?: Partial<StepValues>;
  files?: Partial<Record<GeoFileKey, FileContent>>;
}

export interface PipelineStep {
  readonly id: string;
  readonly inputs: readonly StepValueKey[];
  readonly provides: readonly StepValueKey[];
  readonly outputs: readonly GeoFileKey[];
  run(ctx: StepContext): StepResult | Promise<StepResult>;
}

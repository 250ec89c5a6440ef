import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GEO_FILES, postcodeDistrictFile, type DataMetadata } from '../../src/data/contract';
import { CONTENT_DIR, configFromEnv, REPO_ROOT, type ResolvedConfig } from '../pipeline/config';
import { listFiles, moduleGraph, PIPELINE_ENTRY, sourcePaths } from '../pipeline/inputs';
import { AreaCodeError } from '../pipeline/area-codes';
import { PipelineError } from '../pipeline/errors';
import { runPipeline } from '../pipeline/run';
import { STEP_OUTPUTS } from '../pipeline/steps';

/**
 * Files the pipeline writes: the outputs of its steps (scripts/pipeline/steps/index.ts), which are
 * typed to cover every generated file the contract declares.
 */
export const PIPELINE_OUTPUTS: readonly string[] = STEP_OUTPUTS.map((key) => GEO_FILES[key]);

/**
 * The files one build wrote, as its metadata declares them: every single file of the contract, and for
 * the postcodes folder the district files metadata.json lists — none for a council without postcodes,
 * whose build writes no folder at all.
 */
export function builtOutputFiles(meta: Pick<DataMetadata, 'postcodeDistricts' | 'postcodeSplitDistricts'>): string[] {
  const single = PIPELINE_OUTPUTS.filter((f) => f !== GEO_FILES.postcodes);
  // A district split into sector files (postcodes/SE1-7.json; none is on the NSPL May 2025) has no single file to expect.
  const split = new Set(meta.postcodeSplitDistricts ?? []);
  return [...single, ...meta.postcodeDistricts.filter((d) => !split.has(d)).map(postcodeDistrictFile)];
}

/** Every file whose change can change the outputs: sources, content, and the pipeline's code (scripts/pipeline/inputs.ts). */
export function inputFiles(cfg: ResolvedConfig, contentDir: string = CONTENT_DIR): string[] {
  return [
    ...sourcePaths(cfg.sources).flatMap((p) => listFiles(path.resolve(cfg.dataDir, p))),
    ...listFiles(contentDir),
    ...moduleGraph(PIPELINE_ENTRY),
  ];
}

/** Why the outputs must be rebuilt, or null when they are up to date. */
export function rebuildReason(cfg: ResolvedConfig, contentDir: string = CONTENT_DIR): string | null {
  // metadata.json first: it says which other files this build wrote (postcode districts differ by council).
  const metaFile = path.join(cfg.outDir, GEO_FILES.metadata);
  if (!existsSync(metaFile)) return `${GEO_FILES.metadata} is missing`;
  let meta: Pick<DataMetadata, 'postcodeDistricts' | 'postcodeSplitDistricts'> & { area?: { code?: string } };
  try {
    meta = JSON.parse(readFileSync(metaFile, 'utf8')) as typeof meta;
    if (!Array.isArray(meta.postcodeDistricts)) return `${GEO_FILES.metadata} lists no postcodeDistricts`;
  } catch {
    return `${GEO_FILES.metadata} is unreadable`;
  }
  if (meta.area?.code !== cfg.area) return `outputs are for area ${meta.area?.code ?? '?'}, ATLAS_AREA is ${cfg.area}`;
  const outputs = builtOutputFiles(meta).map((f) => path.join(cfg.outDir, f));
  const missing = outputs.find((o) => !existsSync(o));
  if (missing) return `${path.relative(cfg.outDir, missing).split(path.sep).join('/')} is missing`;
  const oldestOutput = Math.min(...outputs.map((o) => statSync(o).mtimeMs));
  for (const input of inputFiles(cfg, contentDir)) {
    if (existsSync(input) && statSync(input).mtimeMs > oldestOutput)
      return `${path.relative(REPO_ROOT, input)} is newer than the outputs`;
  }
  return null;
}

async function main(): Promise<number> {
  const cfg = configFromEnv();
  const reason = rebuildReason(cfg);
  if (!reason) {
    console.log(`data: up to date in ${path.relative(REPO_ROOT, cfg.outDir) || cfg.outDir}`);
    return 0;
  }
  console.log(`data: rebuilding (${reason})`);
  try {
    const r = await runPipeline(cfg);
    const gz = r.outputs.map((o) => `${o.name} ${(o.gzip / 1024).toFixed(1)} KB`).join(', ');
    console.log(
      `data: built ${r.counts.lsoa21} LSOA 2021, ${r.counts.lsoa11} LSOA 2011, ${r.counts.wards} wards in ${(r.durationMs / 1000).toFixed(1)} s (gzip: ${gz})`,
    );
    return 0;
  } catch (e) {
    if (e instanceof PipelineError) {
      console.error(
        e instanceof AreaCodeError
          ? `data: ${e.message}`
          : `data: build failed — previous outputs left unchanged:\n${e.message}`,
      );
      return 1;
    }
    throw e;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main();
}

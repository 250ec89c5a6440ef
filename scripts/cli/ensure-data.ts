import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GEO_FILES } from '../../src/data/contract';
import { configFromEnv, CONTEXT_SOURCES, REPO_ROOT, type ResolvedConfig } from '../pipeline/config';
import { PipelineError } from '../pipeline/errors';
import { runPipeline } from '../pipeline/run';

/** Files the pipeline writes; interventions.json belongs to the content build, not this one. */
export const PIPELINE_OUTPUTS = [GEO_FILES.areas2021, GEO_FILES.details2021, GEO_FILES.areas2011, GEO_FILES.metadata, GEO_FILES.postcodes, GEO_FILES.context];

function listFiles(p: string): string[] {
  if (!existsSync(p)) return [];
  const st = statSync(p);
  if (!st.isDirectory()) return [p];
  return readdirSync(p).flatMap((name) => listFiles(path.join(p, name)));
}

/** Every file whose change can change the outputs: sources, content/, the pipeline and the contract. */
export function inputFiles(cfg: ResolvedConfig): string[] {
  const s = cfg.sources;
  const sourcePaths = [s.lsoa21.path, s.lsoa11.path, s.wards.path, s.iod2025, s.iod2019, s.iod2015, s.lsoa21Ward, s.lsoa11To21, s.wardCommittee, s.centroids, s.postcodes];
  return [
    ...sourcePaths.flatMap((p) => listFiles(path.resolve(cfg.dataDir, p))),
    ...[CONTEXT_SOURCES.dir, CONTEXT_SOURCES.msoaBoundaries.path].flatMap((p) => listFiles(path.resolve(cfg.dataDir, p))),
    ...listFiles(path.join(REPO_ROOT, 'content')),
    ...listFiles(path.join(REPO_ROOT, 'scripts', 'pipeline')),
    path.join(REPO_ROOT, 'scripts', 'cli', 'build-data.ts'),
    path.join(REPO_ROOT, 'src', 'data', 'contract.ts'),
  ];
}

/** Why the outputs must be rebuilt, or null when they are up to date. */
export function rebuildReason(cfg: ResolvedConfig): string | null {
  const outputs = PIPELINE_OUTPUTS.map((f) => path.join(cfg.outDir, f));
  const missing = outputs.find((o) => !existsSync(o));
  if (missing) return `${path.basename(missing)} is missing`;
  try {
    const meta = JSON.parse(readFileSync(path.join(cfg.outDir, GEO_FILES.metadata), 'utf8')) as { area?: { code?: string } };
    if (meta.area?.code !== cfg.area) return `outputs are for area ${meta.area?.code ?? '?'}, ATLAS_AREA is ${cfg.area}`;
  } catch {
    return 'metadata.json is unreadable';
  }
  const oldestOutput = Math.min(...outputs.map((o) => statSync(o).mtimeMs));
  for (const input of inputFiles(cfg)) {
    if (existsSync(input) && statSync(input).mtimeMs > oldestOutput) return `${path.relative(REPO_ROOT, input)} is newer than the outputs`;
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
    console.log(`data: built ${r.counts.lsoa21} LSOA 2021, ${r.counts.lsoa11} LSOA 2011, ${r.counts.wards} wards in ${(r.durationMs / 1000).toFixed(1)} s (gzip: ${gz})`);
    return 0;
  } catch (e) {
    if (e instanceof PipelineError) {
      console.error(`data: build failed — previous outputs left unchanged:\n${e.message}`);
      return 1;
    }
    throw e;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main();
}

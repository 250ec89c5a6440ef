/**
 * What the pipeline reads, declared by the pipeline's own modules so `npm start` / `npm run build`
 * (scripts/cli/ensure-data.ts) can tell when public/geo is stale without a second list to keep:
 *  - every source file of the config (any new SourceFiles entry is included automatically),
 *  - every release file of the release table, optional ones included,
 *  - the places files of the interventions step and the optional SPI files,
 *  - the curated content folder,
 *  - the pipeline's code: every module reachable by relative imports from run.ts (which takes in
 *    the contract, the release table and the src/domain modules the pipeline uses).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RELEASE_LIST } from '../../src/data/contract';
import { SPI_FRAMEWORK_FILE, SPI_SOURCE_FILE } from '../../src/domain/spi/schema';
import { CONTEXT_SOURCES, type SourceFiles } from './config';
import { FILE10 } from './file10';

/** Any council's places files (council.json sourcesFile) and the postcode tables live here. */
const PLACES_DIR = 'places';

/** Source paths relative to the data dir (files or folders; some optional, so possibly absent). */
export function sourcePaths(sources: SourceFiles): string[] {
  // Paths only: SourceFiles also holds flags (englandWide).
  const fromConfig = Object.values(sources).flatMap((s) =>
    typeof s === 'string' ? [s] : typeof s === 'object' ? [s.path] : [],
  );
  const fromReleases = RELEASE_LIST.flatMap((r) => [r.source.file, ...(r.optionalSources ?? []).map((o) => o.file)]);
  // The context layer's sources: its folder (MSOA names are placed at centroids read from it too).
  const fromContext = [CONTEXT_SOURCES.dir];
  return [
    ...new Set([
      ...fromConfig,
      ...fromReleases,
      PLACES_DIR,
      SPI_SOURCE_FILE,
      SPI_FRAMEWORK_FILE,
      FILE10.file,
      ...fromContext,
    ]),
  ];
}

/** Every file under `p` (or `p` itself), [] when it does not exist. */
export function listFiles(p: string): string[] {
  if (!existsSync(p)) return [];
  if (!statSync(p).isDirectory()) return [p];
  return readdirSync(p).flatMap((name) => listFiles(path.join(p, name)));
}

const RELATIVE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

function resolveModule(fromDir: string, spec: string): string | null {
  const base = path.resolve(fromDir, spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** The module and every module it reaches through relative imports, sorted. */
export function moduleGraph(entry: string): string[] {
  const seen = new Set<string>();
  const pending = [entry];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(RELATIVE_IMPORT)) {
      const spec = m[1];
      const resolved = spec === undefined ? null : resolveModule(path.dirname(file), spec);
      if (resolved) pending.push(resolved);
    }
  }
  return [...seen].sort();
}

/** The pipeline's entry module. */
export const PIPELINE_ENTRY = path.join(path.dirname(fileURLToPath(import.meta.url)), 'run.ts');

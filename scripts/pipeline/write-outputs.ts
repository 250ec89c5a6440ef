import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { GEO_FILES } from '../../src/data/contract';
import { BUDGET } from './config';
import { PipelineError, type Problem } from './errors';

export interface OutputFile {
  name: string;
  content: string;
}

export interface OutputSize {
  name: string;
  raw: number;
  gzip: number;
}

export interface BudgetVerdict {
  firstViewGzip: number;
  firstViewLimit: number;
  releasesGzip: number;
  releasesLimit: number;
  ok: boolean;
}

/** JSON with object keys sorted at every level, so equal data always gives equal bytes. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => stableStringify(v === undefined ? null : v)).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const k of Object.keys(obj).sort()) {
    const v = obj[k];
    if (v === undefined) continue;
    parts.push(`${JSON.stringify(k)}:${stableStringify(v)}`);
  }
  return `{${parts.join(',')}}`;
}

export function measure(files: OutputFile[]): OutputSize[] {
  return files.map((f) => {
    const bytes = Buffer.from(f.content, 'utf8');
    // Level 9 approximates what a static host serves; Brotli would be smaller still.
    return { name: f.name, raw: bytes.byteLength, gzip: gzipSync(bytes, { level: 9 }).byteLength };
  });
}

/** postcodes.json is search data loaded on demand, so it is reported but outside the map budget. */
export function budgetVerdict(sizes: OutputSize[], limits: { firstViewGzip: number; releasesGzip: number } = BUDGET): BudgetVerdict {
  const gz = (name: string): number => sizes.find((s) => s.name === name)?.gzip ?? 0;
  const firstViewGzip = gz(GEO_FILES.areas2021);
  // "Everything for the area, all three releases": the area files and their metadata. Search data
  // (postcodes), interventions and SPI are reported but belong to other budgets.
  const releaseFiles: string[] = [GEO_FILES.areas2021, GEO_FILES.details2021, GEO_FILES.areas2011, GEO_FILES.metadata];
  const releasesGzip = sizes.filter((s) => releaseFiles.includes(s.name)).reduce((a, s) => a + s.gzip, 0);
  return {
    firstViewGzip,
    firstViewLimit: limits.firstViewGzip,
    releasesGzip,
    releasesLimit: limits.releasesGzip,
    ok: firstViewGzip <= limits.firstViewGzip && releasesGzip <= limits.releasesGzip,
  };
}

export function budgetProblems(v: BudgetVerdict): Problem[] {
  const out: Problem[] = [];
  const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
  if (v.firstViewGzip > v.firstViewLimit) {
    out.push({ file: GEO_FILES.areas2021, message: `over budget: ${kb(v.firstViewGzip)} gzip > ${kb(v.firstViewLimit)} (first view)` });
  }
  if (v.releasesGzip > v.releasesLimit) {
    out.push({ file: 'area outputs of the three releases', message: `over budget: ${kb(v.releasesGzip)} gzip > ${kb(v.releasesLimit)}` });
  }
  return out;
}

/**
 * Writes every file to a temp name in the output folder (same filesystem, so rename is atomic) and
 * renames only when all writes succeeded: a failed run never leaves a mix of old and new outputs.
 */
export function writeAtomically(outDir: string, files: OutputFile[]): void {
  mkdirSync(outDir, { recursive: true });
  const temps: Array<{ tmp: string; final: string }> = [];
  try {
    for (const f of files) {
      const final = path.join(outDir, f.name);
      const tmp = path.join(outDir, `.${f.name}.${process.pid}.tmp`);
      temps.push({ tmp, final });
      writeFileSync(tmp, f.content);
    }
  } catch (e) {
    for (const t of temps) rmSync(t.tmp, { force: true });
    throw new PipelineError({ file: outDir, message: `cannot write outputs (${(e as Error).message}); previous outputs kept` });
  }
  for (const t of temps) renameSync(t.tmp, t.final);
}

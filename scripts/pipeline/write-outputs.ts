import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { GEO_FILES, POSTCODE_DISTRICT_BUDGET_GZIP } from '../../src/data/contract';
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

/** The postcode files are search data loaded on demand, so they are outside the map budget (see postcodeFileProblems). */
export function budgetVerdict(
  sizes: OutputSize[],
  limits: { firstViewGzip: number; releasesGzip: number } = BUDGET,
): BudgetVerdict {
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
    out.push({
      file: GEO_FILES.areas2021,
      message: `over budget: ${kb(v.firstViewGzip)} gzip > ${kb(v.firstViewLimit)} (first view)`,
    });
  }
  if (v.releasesGzip > v.releasesLimit) {
    out.push({
      file: 'area outputs of the three releases',
      message: `over budget: ${kb(v.releasesGzip)} gzip > ${kb(v.releasesLimit)}`,
    });
  }
  return out;
}

/** Each postcode district file must stay one small request: ≤ POSTCODE_DISTRICT_BUDGET_GZIP. */
export function postcodeFileProblems(sizes: OutputSize[], limit = POSTCODE_DISTRICT_BUDGET_GZIP): Problem[] {
  return sizes
    .filter((s) => s.name.startsWith(`${GEO_FILES.postcodes}/`) && s.gzip > limit)
    .map((s) => ({
      file: s.name,
      message: `over budget: ${(s.gzip / 1024).toFixed(1)} KB gzip > ${(limit / 1024).toFixed(1)} KB (one postcode district per lookup)`,
    }));
}

/** The file operations writeAtomically uses; tests pass a copy that fails on purpose. */
export interface OutputFs {
  mkdirSync: (dir: string, options: { recursive: true }) => unknown;
  mkdtempSync: (prefix: string) => string;
  writeFileSync: (file: string, content: string) => void;
  renameSync: (from: string, to: string) => void;
  rmSync: (target: string, options: { recursive: true; force: true }) => void;
  existsSync: (target: string) => boolean;
  readdirSync: (dir: string) => string[];
}

const NODE_FS: OutputFs = {
  mkdirSync,
  mkdtempSync,
  writeFileSync,
  renameSync,
  rmSync,
  existsSync,
  readdirSync: (d) => readdirSync(d),
};

/** Prefixes of the working folders inside the output folder (never outputs themselves). */
const STAGING = '.staging-';
const PREVIOUS = '.previous-';

const reason = (e: unknown): string => (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ');

/**
 * Stages every file in a temp folder inside the output folder (same filesystem, so renames are
 * atomic), then swaps: each existing output is moved aside, the new one moved in. Any failure —
 * creating a folder, writing, renaming — puts the previous outputs back and removes the temp
 * folders, so the output folder never holds a mix of old and new files or leftover temp files.
 * Files of the folder that are not outputs of this run are left alone.
 */
export function writeAtomically(outDir: string, files: OutputFile[], fs: OutputFs = NODE_FS): void {
  const fail = (what: string, e: unknown): PipelineError =>
    new PipelineError({ file: outDir, message: `cannot ${what} (${reason(e)}); previous outputs kept` });
  try {
    fs.mkdirSync(outDir, { recursive: true });
    // Left by a run that was killed: never outputs, safe to remove.
    for (const name of fs.readdirSync(outDir))
      if (name.startsWith(STAGING)) fs.rmSync(path.join(outDir, name), { recursive: true, force: true });
  } catch (e) {
    throw fail('create the output folder', e);
  }

  let staging: string | undefined;
  let previous: string | undefined;
  const cleanUp = (): void => {
    for (const dir of [staging, previous]) {
      try {
        if (dir) fs.rmSync(dir, { recursive: true, force: true });
      } catch {
        // Best effort: the failure being reported matters more than a leftover temp folder.
      }
    }
  };

  try {
    staging = fs.mkdtempSync(path.join(outDir, STAGING));
    for (const f of files) {
      const tmp = path.join(staging, f.name);
      fs.mkdirSync(path.dirname(tmp), { recursive: true });
      fs.writeFileSync(tmp, f.content);
    }
    previous = fs.mkdtempSync(path.join(outDir, PREVIOUS));
  } catch (e) {
    cleanUp();
    throw fail('write outputs', e);
  }

  const movedAside: string[] = [];
  const movedIn: string[] = [];
  try {
    for (const f of files) {
      const final = path.join(outDir, f.name);
      if (fs.existsSync(final)) {
        const aside = path.join(previous, f.name);
        fs.mkdirSync(path.dirname(aside), { recursive: true });
        fs.renameSync(final, aside);
        movedAside.push(f.name);
      }
      fs.mkdirSync(path.dirname(final), { recursive: true });
      fs.renameSync(path.join(staging, f.name), final);
      movedIn.push(f.name);
    }
  } catch (e) {
    const rollback: string[] = [];
    for (const name of movedIn) {
      try {
        fs.rmSync(path.join(outDir, name), { recursive: true, force: true });
      } catch (err) {
        rollback.push(`${name}: ${reason(err)}`);
      }
    }
    for (const name of movedAside) {
      try {
        fs.renameSync(path.join(previous, name), path.join(outDir, name));
      } catch (err) {
        rollback.push(`${name}: ${reason(err)}`);
      }
    }
    if (rollback.length > 0) {
      // Cannot happen short of the disk vanishing; keep the previous files where a person can find them.
      throw new PipelineError({
        file: outDir,
        message: `cannot swap in the outputs (${reason(e)}) nor restore the previous ones (${rollback.join('; ')}); they are in ${previous}`,
      });
    }
    cleanUp();
    throw fail('swap in the outputs', e);
  }
  cleanUp();
}

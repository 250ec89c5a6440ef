/**
 * build:sites' run, apart from the command line (scripts/cli/build-sites.ts) so tests can inject the
 * steps. Everything is made in a staging folder NEXT TO the served folder (same filesystem, so a rename
 * is atomic, but outside what is served): the shared app template, then each council's site. A finished
 * site is renamed into the served folder whole, and the index is rewritten after each one, so at any
 * moment — a council failing, a full disk, the process killed — the served folder holds only complete
 * sites and an index listing exactly those.
 */
import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import type { District } from '../pipeline/area-codes';
import { PipelineError } from '../pipeline/errors';
import type { PipelineReport } from '../pipeline/run';
import { SERVICE_WORKER_FILE } from '../build/precache-plugin';
import { copyApp } from './assemble';
import { BUILT_SITES_FILE, type BuiltSites } from '../../src/data/england-wards-contract';
import { SITE_INDEX_CSS, SITE_INDEX_SCRIPT, siteIndexHtml } from './site-index';

/** What build:sites reports of one council's pipeline run. */
export type SiteData = Pick<PipelineReport, 'counts' | 'budget' | 'outputs'>;

/** The two steps that do the work: the vite template build, and one council's pipeline into its geo/ folder. */
export interface SiteSteps {
  buildTemplate: (appDir: string) => void;
  buildData: (council: District, geoDir: string) => Promise<SiteData>;
}

export interface SitesRun {
  outDir: string;
  councils: readonly District[];
  /** Every English district, in the index's order. */
  districts: readonly District[];
  steps: SiteSteps;
  log?: (line: string) => void;
  logError?: (line: string) => void;
}

export interface SitesResult {
  built: District[];
  failed: string[];
  overBudget: string[];
  /** The app template build's time. */
  appMs: number;
}

/** Where a run stages its work: a hidden sibling of the served folder. */
const stagingPrefix = (outDir: string): string => path.join(path.dirname(outDir), `.${path.basename(outDir)}.staging-`);
/** Where builds before this layout kept the template: inside the served folder. */
const OLD_APP_DIR = '.app';

const cause = (e: unknown): string => (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ');

/** A site folder the served index may list: renamed in whole, so these files mean it is complete. */
export function isFinishedSite(dir: string): boolean {
  return ['index.html', SERVICE_WORKER_FILE, path.join('geo', 'metadata.json')].every((f) =>
    existsSync(path.join(dir, f)),
  );
}

/** Makes the served folder and a fresh staging folder, clearing what killed runs left; one line naming the cause on failure. */
function prepare(outDir: string): string {
  try {
    mkdirSync(outDir, { recursive: true });
    accessSync(outDir, constants.W_OK);
    const prefix = stagingPrefix(outDir);
    for (const name of readdirSync(path.dirname(prefix))) {
      if (name.startsWith(path.basename(prefix)))
        rmSync(path.join(path.dirname(prefix), name), { recursive: true, force: true });
    }
    rmSync(path.join(outDir, OLD_APP_DIR), { recursive: true, force: true });
    return mkdtempSync(prefix);
  } catch (e) {
    throw new PipelineError({ file: outDir, message: `cannot write the sites folder (${cause(e)})` });
  }
}

/** copyApp, with a file-system failure (a full disk) as one line naming the site and the cause. */
function assemble(appDir: string, staged: string, c: District): void {
  try {
    copyApp(appDir, staged, c);
  } catch (e) {
    if (e instanceof PipelineError) throw e;
    throw new PipelineError({ file: staged, message: `cannot assemble the site (${cause(e)})` });
  }
}

/** Swaps a finished site into the served folder: the old one (if any) aside, the new one in, the old one removed. */
function publish(staged: string, served: string, staging: string): void {
  const previous = path.join(staging, `${path.basename(served)}.previous`);
  try {
    if (existsSync(served)) renameSync(served, previous);
    renameSync(staged, served);
  } catch (e) {
    if (existsSync(previous) && !existsSync(served)) renameSync(previous, served);
    throw new PipelineError({
      file: served,
      message: `cannot move the finished site in (${cause(e)}); the previous one is kept`,
    });
  }
  rmSync(previous, { recursive: true, force: true });
}

/** The index, its script and style, each written in staging then renamed over the served one. */
function writeIndex(outDir: string, staging: string, districts: readonly District[]): void {
  const listed = districts.filter((d) => isFinishedSite(path.join(outDir, d.code)));
  const files: Array<[string, string]> = [
    ['sites.js', SITE_INDEX_SCRIPT],
    ['sites.css', SITE_INDEX_CSS],
    ['index.html', siteIndexHtml(listed)],
    // Read by each atlas to link a peer ward's atlas only where it was built.
    [BUILT_SITES_FILE, `${JSON.stringify({ councils: listed.map((d) => d.code) } satisfies BuiltSites)}\n`],
  ];
  try {
    for (const [name, content] of files) {
      writeFileSync(path.join(staging, name), content);
      renameSync(path.join(staging, name), path.join(outDir, name));
    }
  } catch (e) {
    throw new PipelineError({
      file: path.join(outDir, 'index.html'),
      message: `cannot write the sites index (${cause(e)})`,
    });
  }
}

/**
 * Builds the template, then each council (a council's PipelineError is reported and the run goes on);
 * a problem with the folder itself (PipelineError naming it and the cause) stops the run.
 */
export async function buildSites(run: SitesRun): Promise<SitesResult> {
  const log = run.log ?? (() => undefined);
  const logError = run.logError ?? log;
  const staging = prepare(run.outDir);
  try {
    const started = Date.now();
    const appDir = path.join(staging, OLD_APP_DIR);
    run.steps.buildTemplate(appDir);
    const result: SitesResult = { built: [], failed: [], overBudget: [], appMs: Date.now() - started };
    const n = run.councils.length;
    for (const [i, c] of run.councils.entries()) {
      const t = Date.now();
      const staged = path.join(staging, c.code);
      try {
        const r = await run.steps.buildData(c, path.join(staged, 'geo'));
        assemble(appDir, staged, c);
        publish(staged, path.join(run.outDir, c.code), staging);
        result.built.push(c);
        if (!r.budget.ok)
          result.overBudget.push(
            `${c.code} ${c.name}: first view ${r.budget.firstViewGzip} B > ${r.budget.firstViewLimit} B`,
          );
        const fv = r.outputs.find((o) => o.name === 'areas-2021.topojson')?.gzip ?? 0;
        log(
          `[${i + 1}/${n}] ${c.code} ${c.name}: ${r.counts.lsoa21} LSOAs, ${r.counts.wards} wards, first view ${(fv / 1024).toFixed(1)} KB gzip (${Math.round(fv / r.counts.lsoa21)} B/LSOA) in ${((Date.now() - t) / 1000).toFixed(1)} s`,
        );
      } catch (e) {
        if (!(e instanceof PipelineError)) throw e;
        rmSync(staged, { recursive: true, force: true });
        result.failed.push(`${c.code} ${c.name}: ${e.message.split('\n')[0] ?? ''}`);
        logError(`[${i + 1}/${n}] ${c.code} ${c.name}: FAILED — ${e.message}`);
      }
      // After every council, so a run stopped later still leaves an index of the sites that are there.
      writeIndex(run.outDir, staging, run.districts);
    }
    if (n === 0) writeIndex(run.outDir, staging, run.districts);
    return result;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

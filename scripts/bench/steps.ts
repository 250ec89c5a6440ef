/** The steps of one benchmark run (./bench.ts runs them in order; docs/performance.md describes each). */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { buildApp, buildBaseline, deriveBaselineData, hasGeodata, REPO_ROOT, type BaselineData } from './builds';
import { timeDataBuild, type DataBuildResult } from './data-build';
import { log, SWITCH_BLOCK, type Options } from './bench-setup';
import { fmtBytes } from './report';
import {
  APP,
  BASELINE,
  coldLoad,
  hoverOnce,
  hoverTargets,
  indicatorSwitches,
  type ColdLoad,
  type HoverTiming,
  type OpenPage,
} from './measure';
import type { Interactions } from './figures';
import type { StaticServer } from './server';

export interface Builds {
  data: DataBuildResult;
  geoDir: string;
  geoSource: string;
  appDir: string;
  baseDir: string;
  baseData: BaselineData;
  appBuildMs: number;
  baselineBuildMs: number;
}

/** Steps 1–3: the data build (timed), the geodata to serve, the app and the baseline page. */
export async function buildStep(opts: Options, tmp: string): Promise<Builds> {
  log(`timing npm run build:data${opts.area ? ` for ${opts.area}` : ''} …`);
  const freshGeo = path.join(tmp, 'geo-fresh');
  const data = await timeDataBuild(freshGeo, opts.area);
  log(
    `build:data ${data.ok ? 'ok' : `FAILED (exit ${data.exitCode})`} in ${(data.wallMs / 1000).toFixed(2)} s, peak RSS ${fmtBytes(data.peakRss)}`,
  );
  if (!data.ok) for (const l of data.tail) log(`  | ${l}`);
  const publicGeo = path.join(REPO_ROOT, 'public', 'geo');
  let geoDir: string;
  let geoSource: string;
  if (opts.geoDir) {
    if (!hasGeodata(opts.geoDir))
      throw new Error(`--geo-dir ${opts.geoDir} has no areas-2021.topojson + metadata.json`);
    [geoDir, geoSource] = [opts.geoDir, `--geo-dir ${opts.geoDir}`];
  } else if (data.ok && hasGeodata(freshGeo)) {
    [geoDir, geoSource] = [freshGeo, 'fresh npm run build:data output (this run)'];
  } else if (hasGeodata(publicGeo)) {
    [geoDir, geoSource] = [publicGeo, 'public/geo (build:data failed in this run)'];
  } else {
    throw new Error(
      'No geodata to serve: npm run build:data failed and public/geo/ is empty. Fix the data build (or pass --geo-dir DIR).',
    );
  }
  log(`geodata: ${geoSource}`);
  const appDir = path.join(tmp, 'app');
  const baseDir = path.join(tmp, 'baseline');
  log('building the app (vite build) …');
  let t = performance.now();
  try {
    buildApp(appDir, geoDir, path.join(tmp, 'app-template'));
  } catch (e) {
    throw new Error(`The app build failed: ${(e as Error).message}`);
  }
  const appBuildMs = performance.now() - t;
  log('building the baseline page …');
  t = performance.now();
  const baseData = deriveBaselineData(geoDir, path.join(tmp, 'baseline-geo'));
  await buildBaseline(baseDir, baseData, path.join(tmp, 'baseline-geo'));
  return { data, geoDir, geoSource, appDir, baseDir, baseData, appBuildMs, baselineBuildMs: performance.now() - t };
}

/**
 * Step 5: cold loads, app and baseline alternately (the order flips every round). Each page is closed
 * once measured, so no load shares the browser with another page's work.
 */
export async function coldLoadStep(
  browser: Browser,
  server: StaticServer,
  runs: number,
  warnings: Set<string>,
): Promise<Record<'app' | 'baseline', ColdLoad[]>> {
  const loads: Record<'app' | 'baseline', ColdLoad[]> = { app: [], baseline: [] };
  for (let i = 0; i < runs; i++) {
    for (const spec of i % 2 === 0 ? [APP, BASELINE] : [BASELINE, APP]) {
      const { load, open } = await coldLoad(browser, server, spec);
      await open.context.close();
      for (const pr of load.problems) warnings.add(`${spec.kind}: ${pr}`);
      loads[spec.kind].push(load);
      log(`cold load ${i + 1}/${runs} ${spec.kind}: first choropleth ${load.marks[spec.firstMark]?.toFixed(0)} ms`);
    }
  }
  return loads;
}

/**
 * Steps 6–7: indicator switches in blocks alternating app and baseline (the order flips every block),
 * then hovers alternating per target, so background load on the machine hits both alike.
 */
export async function interactionStep(
  pages: Record<'app' | 'baseline', OpenPage>,
  opts: Pick<Options, 'switches' | 'hovers'>,
  centroids: BaselineData['centroids'],
): Promise<Interactions> {
  const i: Interactions = {
    switches: { app: [], baseline: [] },
    switchRenders: { app: [], baseline: [] },
    repaints: { app: [], baseline: [] },
    hoverTimes: { app: [], baseline: [] },
  };
  const blocks = opts.switches / SWITCH_BLOCK;
  log(`${opts.switches} indicator switches each, in ${blocks} alternating blocks …`);
  for (let b = 0; b < blocks; b++) {
    for (const spec of b % 2 === 0 ? [APP, BASELINE] : [BASELINE, APP]) {
      const block = await indicatorSwitches(pages[spec.kind].page, spec, SWITCH_BLOCK, Math.ceil(10 / blocks));
      i.switches[spec.kind].push(...block.times);
      i.switchRenders[spec.kind].push(...block.renders);
      i.repaints[spec.kind].push(...block.repaints);
    }
  }
  log(`${opts.hovers} hovers each, alternating …`);
  const targets = {
    app: await hoverTargets(pages.app.page, APP, centroids, opts.hovers),
    baseline: await hoverTargets(pages.baseline.page, BASELINE, centroids, opts.hovers),
  };
  for (let n = 0; n < Math.min(targets.app.length, targets.baseline.length); n++) {
    for (const spec of n % 2 === 0 ? [APP, BASELINE] : [BASELINE, APP]) {
      const other = spec.kind === 'app' ? BASELINE : APP;
      const target = targets[spec.kind][n];
      if (!target) continue;
      const timing: HoverTiming = await hoverOnce(pages[spec.kind].page, spec, target, [
        { page: pages[other.kind].page, spec: other },
      ]);
      i.hoverTimes[spec.kind].push(timing);
    }
  }
  return i;
}

/** True when the built geodata has this file (for the first-view exclusions). */
export const geoHas =
  (geoDir: string) =>
  (file: string): boolean =>
    existsSync(path.join(geoDir, file));

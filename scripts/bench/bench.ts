/**
 * `npm run bench`: the performance benchmark (see docs/performance.md).
 *
 *   npm run bench                     table on stdout
 *   npm run bench -- --json           JSON on stdout
 *   npm run bench -- --check          exit 1 when a budget is exceeded
 *   options: --runs N (cold loads per page, ≥ 5; default 9), --switches N (default 20),
 *            --hovers N (default 7), --geo-dir DIR (serve this geodata instead of a fresh build),
 *            --keep (keep the temporary build folder), --area CODE (another council, e.g. E06000017),
 *            --all-councils (also time build:sites for every English council: minutes),
 *            --readme (rewrite the README's table of latest figures from this run),
 *            --timeline (print the marks and requests of the median cold load of each page)
 *
 * It times `npm run build:data` (into a temporary folder), builds the app and the baseline page
 * with Vite into a temporary folder, serves both on 127.0.0.1 with gzip, and drives headless
 * Chromium. Every figure printed is measured in this run; the latest run is also written to
 * bench-results/latest.json.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { CHROMIUM_ARGS, chromiumPath } from '../tooling/chromium';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { buildApp, buildBaseline, deriveBaselineData, hasGeodata, REPO_ROOT, type BaselineData } from './builds';
import { timeAllCouncilsBuild, timeDataBuild, type DataBuildResult } from './data-build';
import { readBuiltArea } from '../tooling/area-html';
import {
  APP,
  BASELINE,
  coldLoad,
  precacheLoad,
  hoverOnce,
  hoverTargets,
  indicatorSwitches,
  VIEWPORT,
  webglRenderer,
  type ColdLoad,
  type HoverTiming,
  type OpenPage,
} from './measure';
import {
  bytesTable,
  fmtBytes,
  latestFiguresMarkdown,
  metricsTable,
  replaceLatestFigures,
  type ByteRow,
} from './report';
import { metricRows, type AllCouncilsBuild } from './figures';
import { serveStatic, type StaticServer } from './server';
import { BYTE_CATEGORIES } from './stats';
import { medianLoad, timelineText } from './timeline';
import { BUDGETS, log, machine, parseArgs, summariseBytes, SWITCH_BLOCK } from './bench-setup';

// ---- main ----------------------------------------------------------------------------------------

interface Cleanup {
  browser?: Browser;
  server?: StaticServer;
  pages: OpenPage[];
  tmp?: string;
  keep: boolean;
}
const cleanup: Cleanup = { pages: [], keep: false };
async function tidy(): Promise<void> {
  for (const p of cleanup.pages) await p.context.close().catch(() => undefined);
  cleanup.pages = [];
  await cleanup.browser?.close().catch(() => undefined);
  cleanup.browser = undefined;
  await cleanup.server?.close().catch(() => undefined);
  cleanup.server = undefined;
  if (cleanup.tmp && !cleanup.keep) rmSync(cleanup.tmp, { recursive: true, force: true });
  else if (cleanup.tmp) log(`kept ${cleanup.tmp}`);
  cleanup.tmp = undefined;
}
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    void tidy().finally(() => process.exit(130));
  });
}

async function main(): Promise<number> {
  const opts = parseArgs(process.argv.slice(2));
  cleanup.keep = opts.keep;
  const started = performance.now();
  const exe = chromiumPath();
  if (!existsSync(exe)) {
    throw new Error(
      `Chromium not found at ${exe}. Install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  }
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'atlas-bench-'));
  cleanup.tmp = tmp;

  // 1. The data build, timed, into a temporary folder (public/geo is not touched).
  log(`timing npm run build:data${opts.area ? ` for ${opts.area}` : ''} …`);
  const freshGeo = path.join(tmp, 'geo-fresh');
  const data: DataBuildResult = await timeDataBuild(freshGeo, opts.area);
  log(
    `build:data ${data.ok ? 'ok' : `FAILED (exit ${data.exitCode})`} in ${(data.wallMs / 1000).toFixed(2)} s, peak RSS ${fmtBytes(data.peakRss)}`,
  );
  if (!data.ok) for (const l of data.tail) log(`  | ${l}`);

  // 2. Which geodata the pages are served with.
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

  // 3. The production app and the baseline page, built with Vite into the temporary folder.
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
  const baseData: BaselineData = deriveBaselineData(geoDir, path.join(tmp, 'baseline-geo'));
  await buildBaseline(baseDir, baseData, path.join(tmp, 'baseline-geo'));
  const baselineBuildMs = performance.now() - t;

  // 4. Serve both on loopback, start Chromium.
  const server = await serveStatic({ '/app/': appDir, '/baseline/': baseDir });
  cleanup.server = server;
  const browser = await chromium.launch({
    executablePath: exe,
    headless: true,
    timeout: 60_000,
    args: [...CHROMIUM_ARGS],
  });
  cleanup.browser = browser;
  const env = machine(browser.version());
  log(`serving on ${server.url}; Chromium ${browser.version()}`);

  // 5. Cold loads, app and baseline alternately (the order flips every round). Each page is closed
  //    once measured, so no load shares the browser with another page's work (the app keeps loading
  //    its deferred data and drawing after its first choropleth).
  const loads: Record<'app' | 'baseline', ColdLoad[]> = { app: [], baseline: [] };
  const warnings = new Set<string>();
  for (let i = 0; i < opts.runs; i++) {
    const order = i % 2 === 0 ? [APP, BASELINE] : [BASELINE, APP];
    for (const spec of order) {
      const { load, open } = await coldLoad(browser, server, spec);
      await open.context.close();
      for (const pr of load.problems) warnings.add(`${spec.kind}: ${pr}`);
      loads[spec.kind].push(load);
      log(
        `cold load ${i + 1}/${opts.runs} ${spec.kind}: first choropleth ${load.marks[spec.firstMark]?.toFixed(0)} ms`,
      );
    }
  }
  // The pages the interactions are timed on: one more load of each, not counted above.
  const lastOpen: Partial<Record<'app' | 'baseline', OpenPage>> = {};
  for (const spec of [APP, BASELINE]) {
    const { open } = await coldLoad(browser, server, spec);
    cleanup.pages.push(open);
    lastOpen[spec.kind] = open;
  }

  // 6. Indicator switches on the last loaded page of each, in blocks alternating app and baseline
  //    (the order flips every round), so background load on the machine hits both alike.
  const switches: Record<'app' | 'baseline', number[]> = { app: [], baseline: [] };
  const switchRenders: Record<'app' | 'baseline', number[]> = { app: [], baseline: [] };
  const repaints: Record<'app' | 'baseline', number[]> = { app: [], baseline: [] };
  const blocks = opts.switches / SWITCH_BLOCK;
  log(`${opts.switches} indicator switches each, in ${blocks} alternating blocks …`);
  for (let b = 0; b < blocks; b++) {
    for (const spec of b % 2 === 0 ? [APP, BASELINE] : [BASELINE, APP]) {
      const block = await indicatorSwitches(
        (lastOpen[spec.kind] as OpenPage).page,
        spec,
        SWITCH_BLOCK,
        Math.ceil(10 / blocks),
      );
      switches[spec.kind].push(...block.times);
      switchRenders[spec.kind].push(...block.renders);
      repaints[spec.kind].push(...block.repaints);
    }
  }

  // 7. Hovers, alternating app and baseline per target.
  log(`${opts.hovers} hovers each, alternating …`);
  const hoverTimes: Record<'app' | 'baseline', HoverTiming[]> = { app: [], baseline: [] };
  const targets = {
    app: await hoverTargets((lastOpen.app as OpenPage).page, APP, baseData.centroids, opts.hovers),
    baseline: await hoverTargets((lastOpen.baseline as OpenPage).page, BASELINE, baseData.centroids, opts.hovers),
  };
  for (let i = 0; i < Math.min(targets.app.length, targets.baseline.length); i++) {
    for (const spec of i % 2 === 0 ? [APP, BASELINE] : [BASELINE, APP]) {
      const other = spec.kind === 'app' ? BASELINE : APP;
      hoverTimes[spec.kind].push(
        await hoverOnce(
          (lastOpen[spec.kind] as OpenPage).page,
          spec,
          targets[spec.kind][i] as (typeof targets)['app'][number],
          [{ page: (lastOpen[other.kind] as OpenPage).page, spec: other }],
        ),
      );
    }
  }
  const renderer = await webglRenderer((lastOpen.app as OpenPage).page);
  const softwareGl = /swiftshader|llvmpipe|software/i.test(renderer);
  for (const p of cleanup.pages) await p.context.close();
  cleanup.pages = [];

  // 8. One more first visit with service workers allowed: the offline copy the app downloads after its first view.
  log('offline precache after a first visit …');
  const precache = await precacheLoad(browser, server);
  await browser.close();
  cleanup.browser = undefined;

  // 9. Optionally, every English council's site (build:sites -- all): time and peak memory.
  let allCouncils: AllCouncilsBuild | null = null;
  if (opts.allCouncils) {
    log('timing npm run build:sites -- all (every English council) …');
    const sitesDir = path.join(tmp, 'sites');
    const run = await timeAllCouncilsBuild(sitesDir);
    allCouncils = {
      ...run,
      councils: existsSync(sitesDir) ? readdirSync(sitesDir).filter((d) => /^E0\d{7}$/.test(d)).length : 0,
    };
    log(
      `build:sites all: ${allCouncils.councils} councils in ${(run.wallMs / 1000).toFixed(0)} s, peak RSS ${fmtBytes(run.peakRss)}`,
    );
  }
  const area = readBuiltArea(geoDir) ?? { code: '', name: 'unknown area' };

  // ---- figures ---------------------------------------------------------------------------------
  const appBytes = summariseBytes(loads.app[0] as ColdLoad, APP, appDir);
  const baseBytes = summariseBytes(loads.baseline[0] as ColdLoad, BASELINE, baseDir);
  const byteRows: ByteRow[] = BYTE_CATEGORIES.filter(
    (c) => appBytes.perCategory[c].files > 0 || baseBytes.perCategory[c].files > 0,
  ).map((c) => ({
    category: c,
    app: appBytes.perCategory[c],
    baseline: baseBytes.perCategory[c],
  }));
  // The first view is the same files on every cold load; say so if it was not.
  const sameFiles = (ls: ColdLoad[]): boolean => {
    const key = (l: ColdLoad): string =>
      l.responses
        .filter((r) => r.status === 200)
        .map((r) => r.path)
        .sort()
        .join('|');
    return ls.every((l) => key(l) === key(ls[0] as ColdLoad));
  };

  const {
    rows,
    samples: { appFirst, baseFirst, textUi, mlLoaded },
  } = metricRows({
    runs: opts.runs,
    area: { ...area, lsoaCount: baseData.lsoaCount },
    loads,
    appBytes,
    baseBytes,
    switches,
    switchRenders,
    repaints,
    hoverTimes,
    precache,
    data,
    allCouncils,
    softwareGl,
  });

  const failed = rows.filter((r) => r.pass === false);
  const result = {
    date: new Date().toISOString(),
    machine: { ...env, webglRenderer: renderer },
    area: { ...area, lsoaCount: baseData.lsoaCount },
    settings: {
      coldLoads: opts.runs,
      switches: opts.switches,
      hovers: opts.hovers,
      viewport: VIEWPORT,
      gzipLevel: 6,
      geodata: geoSource,
    },
    durationsMs: {
      total: Math.round(performance.now() - started),
      appBuild: Math.round(appBuildMs),
      baselineBuild: Math.round(baselineBuildMs),
    },
    budgets: BUDGETS,
    pass: failed.length === 0,
    failed: failed.map((r) => r.id),
    metrics: rows,
    bytes: {
      rows: byteRows,
      appFiles: appBytes.files,
      baselineFiles: baseBytes.files,
      sameFilesEveryLoad: { app: sameFiles(loads.app), baseline: sameFiles(loads.baseline) },
    },
    samples: {
      firstChoropleth: { app: appFirst, baseline: baseFirst },
      textUiReady: textUi,
      maplibreLoaded: mlLoaded,
      marks: { app: loads.app.map((l) => l.marks), baseline: loads.baseline.map((l) => l.marks) },
      switches,
      switchRenders,
      repaints,
      hovers: hoverTimes,
      heapUsed: { app: loads.app.map((l) => l.heapUsed), baseline: loads.baseline.map((l) => l.heapUsed) },
      timelines: { app: loads.app.map((l) => l.timeline), baseline: loads.baseline.map((l) => l.timeline) },
    },
    warnings: [...warnings],
    dataBuild: data,
    allCouncilsBuild: allCouncils,
    baselinePage: { lsoaCount: baseData.lsoaCount, indicators: baseData.indicators },
  };

  const outDir = path.join(REPO_ROOT, 'bench-results');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);

  if (opts.readme) {
    const readme = path.join(REPO_ROOT, 'README.md');
    writeFileSync(
      readme,
      replaceLatestFigures(
        readFileSync(readme, 'utf8'),
        latestFiguresMarkdown({
          date: result.date,
          machine: result.machine,
          settings: result.settings,
          rows,
          byteRows,
        }),
      ),
    );
    log('README.md: table of latest figures rewritten');
  }

  if (opts.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    const lines = [
      `Neighbourhood Atlas benchmark — ${result.date}`,
      `Machine: ${env['cpus']} CPU × ${env['cpuModel']}, ${env['memoryGB']} GB, load average ${env['loadAverage1m']} at the start; Chromium ${env['chromium']} (headless, WebGL renderer: ${renderer}); Node ${env['node']}`,
      `Area: ${area.name} (${area.code}), ${baseData.lsoaCount} LSOAs. Geodata: ${geoSource}. Viewport ${VIEWPORT.width}×${VIEWPORT.height}. Served from 127.0.0.1 with gzip level 6.`,
      '',
      bytesTable(byteRows),
      '',
      metricsTable(rows),
      '',
      `Timings are ms from navigation start (performance marks) or page-side performance.now() deltas; ratio = app ÷ baseline, same machine, same run.`,
      `Run took ${(result.durationsMs.total / 1000).toFixed(0)} s. Full results: bench-results/latest.json`,
    ];
    if (!result.bytes.sameFilesEveryLoad.app || !result.bytes.sameFilesEveryLoad.baseline)
      lines.push('Note: the set of first-view files differed between cold loads (bytes are from the first load).');
    if (warnings.size > 0)
      lines.push('', 'Warnings (page problems seen during the cold loads):', ...[...warnings].map((w) => `  ${w}`));
    const geoFiles = appBytes.files.filter((f) => f.category === 'geodata');
    lines.push(
      '',
      `App first-view geodata files: ${geoFiles.map((f) => `${path.basename(f.path)} ${fmtBytes(f.sent)}`).join(', ')}`,
    );
    if (opts.timeline) {
      for (const spec of [APP, BASELINE]) {
        const l = medianLoad(loads[spec.kind], spec.firstMark);
        if (l)
          lines.push(
            '',
            timelineText(
              `Timeline of the median cold load, ${spec.kind} (ms since navigation start):`,
              l.timeline,
              spec.prefix,
            ),
          );
      }
    }
    if (!data.ok) lines.push('', 'npm run build:data failed:', ...data.tail.map((l) => `  ${l}`));
    lines.push('', failed.length === 0 ? 'All budgets met.' : `Over budget: ${failed.map((r) => r.label).join('; ')}`);
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  return opts.check && failed.length > 0 ? 1 : 0;
}

let code = 2;
try {
  code = await main();
} catch (e) {
  process.stderr.write(`bench: error: ${e instanceof Error ? e.message : String(e)}\n`);
  code = 2;
} finally {
  await tidy();
}
process.exit(code);

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
 *            --timeline (print the marks and requests of the median cold load of each page),
 *            --sites-dir DIR (judge the postcode budget on an existing build:sites -- all output;
 *            without it --check runs build:sites -- all itself),
 *            --venues-only (only the venue-import rows and the switches and hovers around them,
 *            on public/geo or --geo-dir: ./new-work-only.ts)
 *
 * It times `npm run build:data` (into a temporary folder), builds the app and the baseline page
 * with Vite into a temporary folder, serves both on 127.0.0.1 with gzip, and drives headless
 * Chromium. Every figure printed is measured in this run; the latest run is also written to
 * bench-results/latest.json.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../tooling/chromium';
import { readBuiltArea } from '../tooling/area-html';
import { log, machine, parseArgs } from './bench-setup';
import { metricRows } from './figures';
import { newWorkRows } from './figures-new-work';
import { APP, BASELINE, coldLoad, precacheLoad, webglRenderer, type OpenPage } from './measure';
import { allCouncilsStep, newWorkStep } from './new-work-step';
import { venuesOnlyRun } from './new-work-only';
import { firstViewBytes, reportText, writeResults, type RunRecord } from './output';
import { serveStatic, type StaticServer } from './server';
import { buildStep, coldLoadStep, interactionStep } from './steps';

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
  if (opts.venuesOnly) return venuesOnlyRun(opts);
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
  // 1–3. The data build (timed), the app and the baseline page, all in the temporary folder.
  const builds = await buildStep(opts, tmp);

  // 4. Serve both on loopback, start Chromium.
  const server = await serveStatic({ '/app/': builds.appDir, '/baseline/': builds.baseDir });
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

  // 5. Cold loads; then one more load of each page, not counted, for the interactions.
  const warnings = new Set<string>();
  const loads = await coldLoadStep(browser, server, opts.runs, warnings);
  const pages = {
    app: (await coldLoad(browser, server, APP)).open,
    baseline: (await coldLoad(browser, server, BASELINE)).open,
  };
  cleanup.pages.push(pages.app, pages.baseline);

  // 6–7. Switches and hovers; 8. issue 25's new work on the same pages.
  const interactions = await interactionStep(pages, opts, builds.baseData.centroids);
  const renderer = await webglRenderer(pages.app.page);
  const softwareGl = /swiftshader|llvmpipe|software/i.test(renderer);
  const newWork = await newWorkStep({ pages, server, builds, opts, appLoads: loads.app, softwareGl });
  for (const p of cleanup.pages) await p.context.close();
  cleanup.pages = [];

  // 9. One more first visit with service workers allowed: the offline copy the app downloads after its first view.
  log('offline precache after a first visit …');
  const precache = await precacheLoad(browser, server);
  await browser.close();
  cleanup.browser = undefined;

  // 10. Every English council's site (with --check / --all-councils), and its postcode files.
  const all = await allCouncilsStep(opts, tmp);
  newWork.postcodeFiles = all.postcodeFiles;
  const area = readBuiltArea(builds.geoDir) ?? { code: '', name: 'unknown area' };
  const { appBytes, baseBytes } = firstViewBytes({ loads, appDir: builds.appDir, baseDir: builds.baseDir });
  const { rows } = metricRows({
    runs: opts.runs,
    area: { ...area, lsoaCount: builds.baseData.lsoaCount },
    loads,
    appBytes,
    baseBytes,
    ...interactions,
    precache,
    data: builds.data,
    allCouncils: all.build,
    softwareGl,
  });
  const record: RunRecord = {
    opts,
    env,
    renderer,
    area,
    baseData: builds.baseData,
    geoSource: builds.geoSource,
    appDir: builds.appDir,
    baseDir: builds.baseDir,
    loads,
    interactions,
    newWork,
    data: builds.data,
    allCouncils: all.build,
    rows: [...rows, ...newWorkRows(newWork)],
    durationsMs: {
      total: Math.round(performance.now() - started),
      appBuild: Math.round(builds.appBuildMs),
      baselineBuild: Math.round(builds.baselineBuildMs),
    },
    warnings,
  };
  const result = writeResults(record);
  process.stdout.write(opts.json ? `${JSON.stringify(result, null, 2)}\n` : reportText(record, result));
  return opts.check && !result.pass ? 1 : 0;
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

/**
 * `npm run bench -- --venues-only`: only issue 25's venue rows, for working on them. No data build
 * (the geodata of `--geo-dir`, or `public/geo/`), no cold loads, no offline copy, no other council:
 * the app and the baseline page are built and opened once, switches and hovers are timed against
 * the baseline (as steps 6–7), the 5,000-row list is imported (./venue-import.ts), then switches and
 * hovers again with the venues shown. Nothing is judged (`--check` runs the full benchmark).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../tooling/chromium';
import { BUDGETS, log, machine, type Options } from './bench-setup';
import { buildApp, buildBaseline, deriveBaselineData, hasGeodata, REPO_ROOT } from './builds';
import { interactionRows } from './figures';
import { newWorkRows, type NewWorkMeasured } from './figures-new-work';
import { APP, BASELINE, coldLoad, webglRenderer } from './measure';
import { metricsTable } from './report';
import { serveStatic } from './server';
import { interactionStep } from './steps';
import { syntheticVenueCsv } from './synthetic-venues';
import { baselineDrawsPoints, importVenues } from './venue-import';

export async function venuesOnlyRun(opts: Options): Promise<number> {
  const geoDir = opts.geoDir ?? path.join(REPO_ROOT, 'public', 'geo');
  if (!hasGeodata(geoDir)) throw new Error(`${geoDir} has no geodata: run npm run build:data or pass --geo-dir DIR`);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'atlas-bench-venues-'));
  try {
    log('building the app and the baseline page …');
    const appDir = path.join(tmp, 'app');
    const baseDir = path.join(tmp, 'baseline');
    buildApp(appDir, geoDir, path.join(tmp, 'app-template'));
    const baseData = deriveBaselineData(geoDir, path.join(tmp, 'baseline-geo'));
    await buildBaseline(baseDir, baseData, path.join(tmp, 'baseline-geo'));
    const server = await serveStatic({ '/app/': appDir, '/baseline/': baseDir });
    const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: [...CHROMIUM_ARGS] });
    try {
      const pages = {
        app: (await coldLoad(browser, server, APP)).open,
        baseline: (await coldLoad(browser, server, BASELINE)).open,
      };
      const softwareGl = /swiftshader|llvmpipe|software/i.test(await webglRenderer(pages.app.page));
      const before = await interactionStep(pages, opts, baseData.centroids);
      log(`importing a synthetic list of ${BUDGETS.venueRows} venues …`);
      const list = syntheticVenueCsv(geoDir, BUDGETS.venueRows);
      const venueImport = {
        ok: true as const,
        value: { ...(await importVenues(pages.app.page, list)), rows: list.rows },
      };
      const baselinePoints = {
        ok: true as const,
        value: await baselineDrawsPoints(pages.baseline.page, list),
      };
      const withVenues = await interactionStep(pages, opts, baseData.centroids);
      const measured: NewWorkMeasured = {
        venueImport,
        baselinePoints,
        withVenues,
        customArea: { ok: false, error: 'not measured with --venues-only' },
        postcodeLookup: { ok: false, error: 'not measured with --venues-only' },
        postcodeFiles: null,
        notFirstView: [],
        softwareGl,
      };
      const venueRows = newWorkRows(measured).filter((r) => r.id.startsWith('venue') || r.id.endsWith('Venues'));
      const env = machine(browser.version());
      process.stdout.write(
        `Load average (1 min) at the end: ${env.loadAverage1m}; ${env.cpus} CPUs\n\n${metricsTable([
          ...interactionRows(before, softwareGl),
          ...venueRows,
        ])}\n`,
      );
      if (opts.json)
        process.stdout.write(`${JSON.stringify({ before, venueImport, baselinePoints, withVenues }, null, 2)}\n`);
      return 0;
    } finally {
      await browser.close().catch(() => undefined);
      await server.close().catch(() => undefined);
    }
  } finally {
    if (opts.keep) log(`kept ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  }
}

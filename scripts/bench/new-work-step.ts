/**
 * Step 8 (issue 25's new work), on the app page the interactions were timed on: the 5,000-row venue
 * import, switches and hovers again with those venues shown (against the baseline page, as before), a
 * postcode lookup, then edits of a custom area; and the postcode files of every council.
 */
import path from 'node:path';
import { existsSync, readdirSync } from 'node:fs';
import { BUDGETS, log, type Options } from './bench-setup';
import type { Builds } from './steps';
import { interactionStep } from './steps';
import { timeAllCouncilsBuild, type DataBuildResult } from './data-build';
import { notFirstView, type NewWorkMeasured, type Outcome } from './figures-new-work';
import type { AllCouncilsBuild } from './figures';
import { APP, type ColdLoad, type OpenPage } from './measure';
import { customAreaEdits, postcodeLookup } from './new-work';
import { largestPostcodeFile, type LargestPostcodeFile } from './postcode-files';
import { fmtBytes } from './report';
import type { StaticServer } from './server';
import { ownPostcodes, syntheticVenueCsv, type SyntheticVenueList } from './synthetic-venues';
import { baselineDrawsPoints, importVenues } from './venue-import';
import { geoHas } from './steps';

async function attempt<T>(what: string, run: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (e) {
    const error = `${what} failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
    log(error);
    return { ok: false, error };
  }
}

export async function newWorkStep(o: {
  pages: Record<'app' | 'baseline', OpenPage>;
  server: StaticServer;
  builds: Builds;
  opts: Options;
  appLoads: readonly ColdLoad[];
  softwareGl: boolean;
}): Promise<NewWorkMeasured> {
  const { pages, server, builds, opts } = o;
  log(`importing a synthetic list of ${BUDGETS.venueRows} venues …`);
  // One list for both pages (writing it reads every postcode file); a council without postcodes fails both rows.
  let list: SyntheticVenueList | null = null;
  const venueList = (): SyntheticVenueList => {
    list ??= syntheticVenueCsv(builds.geoDir, BUDGETS.venueRows);
    return list;
  };
  const venueImport = await attempt('the venue import', async () => ({
    ...(await importVenues(pages.app.page, venueList())),
    rows: venueList().rows,
  }));
  const baselinePoints = await attempt('the baseline page drawing the same points', () =>
    baselineDrawsPoints(pages.baseline.page, venueList()),
  );
  const withVenues = venueImport.ok ? await interactionStep(pages, opts, builds.baseData.centroids) : null;
  // After the venue rows: the lookup zooms the map to one area, and the switches and hovers with the venues are
  // measured on the first view (in a rural council the zoomed view held one hover target, so the median was of 1).
  log('postcode lookup …');
  const own = ownPostcodes(builds.geoDir);
  const postcode = await attempt('the postcode lookup', async () => {
    const pc = own[Math.floor(own.length / 2)];
    if (!pc) throw new Error('the council has no postcode of its own');
    return postcodeLookup(pages.app.page, server, APP.prefix, pc.postcode);
  });
  log(`${BUDGETS.customAreaEdits} custom-area edits …`);
  const customArea = await attempt('the custom-area edits', () =>
    customAreaEdits(
      pages.app.page,
      `${server.url}${APP.prefix}`,
      builds.baseData.centroids.map((c) => c.code),
      BUDGETS.customAreaLsoas,
      BUDGETS.customAreaEdits,
    ),
  );
  return {
    venueImport,
    baselinePoints,
    withVenues,
    customArea,
    postcodeLookup: postcode,
    postcodeFiles: null,
    notFirstView: notFirstView(o.appLoads, geoHas(builds.geoDir)),
    softwareGl: o.softwareGl,
  };
}

/**
 * Step 10: every English council's site (`build:sites -- all`), timed, and the largest postcode file
 * in it; or only the postcode files of an existing output (--sites-dir). Run with --check or --all-councils.
 */
export async function allCouncilsStep(
  opts: Options,
  tmp: string,
): Promise<{ build: AllCouncilsBuild | null; postcodeFiles: LargestPostcodeFile | null }> {
  if (opts.sitesDir) {
    if (!existsSync(opts.sitesDir)) throw new Error(`--sites-dir ${opts.sitesDir} does not exist`);
    return { build: null, postcodeFiles: largestPostcodeFile(opts.sitesDir) };
  }
  if (!opts.allCouncils && !opts.check) return { build: null, postcodeFiles: null };
  log('timing npm run build:sites -- all (every English council) …');
  const sitesDir = path.join(tmp, 'sites');
  const run: DataBuildResult = await timeAllCouncilsBuild(sitesDir);
  const build = {
    ...run,
    councils: existsSync(sitesDir) ? readdirSync(sitesDir).filter((d) => /^E0\d{7}$/.test(d)).length : 0,
  };
  log(
    `build:sites all: ${build.councils} councils in ${(run.wallMs / 1000).toFixed(0)} s, peak RSS ${fmtBytes(run.peakRss)}`,
  );
  return { build, postcodeFiles: existsSync(sitesDir) ? largestPostcodeFile(sitesDir) : null };
}

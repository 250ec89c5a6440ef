import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { booleanPointInPolygon, point } from '@turf/turf';
import { join, resolve } from 'node:path';
import { preview, type PreviewServer } from 'vite';
import type { Topology } from 'topojson-specification';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { chromiumForThisFile, openPage, waitForIdle, waitForMap } from './browser';
import { blend, interiorPoint, SOURCES } from './fixtures';
import type { PostcodeDistrict } from '../../src/data/contract';
import { areaCollection, isScalarProperties } from '../../src/data/topo-areas';
import { closeTo, mapCentrePixel } from './pixels';
import { DECILE_COLOURS } from '../../src/domain/colour-schemes';
import { tempDir } from '../unit/pipeline/helpers/synthetic';
import { table } from '../unit/outreach/independent';

/**
 * Another council's atlas (Bradford, E08000032), built the way a council would host many: build:sites
 * (one vite build, the pipeline in-process), served from a temporary folder with the app's CSP.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const sites = tempDir('sites-bradford');
const chrome = chromiumForThisFile();
let server: PreviewServer | undefined;
let base = '';

beforeAll(async () => {
  const r = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/cli/build-sites.ts', 'E08000032'],
    {
      cwd: ROOT,
      env: { ...process.env, ATLAS_SITES_DIR: sites },
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) throw new Error(`build:sites failed: ${r.stderr}`);
  server = await preview({
    root: ROOT,
    build: { outDir: sites },
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
    logLevel: 'error',
  });
  base = server.resolvedUrls?.local[0] ?? '';
}, 300_000);

afterAll(async () => {
  await server?.close();
});

function bradfordLsoas(): FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>> {
  const topo = JSON.parse(readFileSync(join(sites, 'E08000032/geo/areas-2021.topojson'), 'utf8')) as Topology;
  return areaCollection(topo, 'lsoa21', isScalarProperties);
}

/** The Bradford LSOA with the lowest code and a point inside it: where the pixel checks look. */
function firstLsoa() {
  const target = [...bradfordLsoas().features].sort((a, b) =>
    String(a.properties['code']).localeCompare(String(b.properties['code'])),
  )[0]!;
  const [lon, lat] = interiorPoint(target);
  return {
    at: `${lat.toFixed(5)},${lon.toFixed(5)},16`,
    colour: blend(DECILE_COLOURS[(target.properties['y25_imd_d'] as number) - 1]!, 0.85),
  };
}

/** The England-wide LSOA 2021 source polygons (read once, for the independent postcode expectations). */
let englandCache:
  | Array<{ properties: { LSOA21CD: string; LADCD_ACTIVE: string }; geometry: Polygon | MultiPolygon }>
  | undefined;
function englandLsoas(): { features: NonNullable<typeof englandCache> } {
  englandCache ??= (
    JSON.parse(
      gunzipSync(readFileSync(resolve(SOURCES, 'boundaries/england/lsoa21_england_bgc.geojson.gz'))).toString('utf8'),
    ) as { features: NonNullable<typeof englandCache> }
  ).features;
  return { features: englandCache };
}

const pageText = (page: import('playwright-core').Page) =>
  page.evaluate(() => `${document.title}\n${document.body.innerText}`);

describe('a Bradford atlas from the England-wide sources', () => {
  it('is listed on the sites index, found by name and opened from it', async () => {
    const { page, problems } = await openPage(chrome.browser, base);
    await page.getByLabel('Find a council by name').fill('bradf');
    await expect(page.getByRole('status').textContent()).resolves.toBe('1 of 1 councils match');
    await page.getByRole('link', { name: 'Bradford' }).click();
    await page.waitForURL(/\/E08000032\/$/);
    await waitForMap(page);
    expect(problems).toEqual([]);
  });

  it('draws the choropleth, names Bradford and never Leeds (page, About, search, accessibility statement)', async () => {
    expect(bradfordLsoas().features).toHaveLength(312);
    const target = firstLsoa();
    const { page, problems } = await openPage(chrome.browser, `${base}E08000032/?at=${target.at}`);
    await waitForMap(page);
    expect(closeTo(await mapCentrePixel(page), target.colour)).toBe(true);

    expect(await page.title()).toBe('Neighbourhood Atlas — deprivation in Bradford');
    await expect(page.locator('.app-header__tagline').textContent()).resolves.toContain('Bradford');
    await expect(page.getByRole('radio', { name: 'Quintile within Bradford' }).count()).resolves.toBe(1);
    expect(await pageText(page)).not.toMatch(/Leeds/i);

    await page.getByRole('button', { name: 'About the data' }).click();
    const about = page.getByTestId('about-panel');
    await about.waitFor();
    await expect(about.getByTestId('about-wards').textContent()).resolves.toMatch(
      /May 2025.*official ONS best-fit lookup.*LSOAs? moved/,
    );
    await expect(about.getByTestId('about-population').textContent()).resolves.toMatch(
      /^Population: [\d,]+ \(usual residents, Census 2021\), of whom [\d,]+ children aged 0–14, Census 2021/,
    );
    await expect(about.getByTestId('about-no-content').textContent()).resolves.toContain('content/E08000032/');
    // Postcodes are England-wide now: not among what is unavailable here.
    await expect(about.getByTestId('about-unavailable').textContent()).resolves.not.toMatch(/Postcode search/);
    expect(await pageText(page)).not.toMatch(/Leeds/i);
    await about.getByRole('button', { name: 'Close' }).click();

    const search = page.locator('#search-input');
    expect(await search.getAttribute('placeholder')).not.toMatch(/Leeds|LS\d/i);
    expect(problems).toEqual([]);
  });

  it('finds a real Bradford postcode and opens the LSOA that contains it, in one small request', async () => {
    // Independent expectation: BD1 1AA's centre from the NSPL file, in Bradford's LSOA polygons of the England-wide source.
    const row = gunzipSync(readFileSync(resolve(SOURCES, 'places/postcodes_england_wales/BD.csv.gz')))
      .toString('utf8')
      .split('\n')
      .find((l) => l.startsWith('BD1 1AA,'))!
      .split(',');
    const pt = point([Number(row[2]), Number(row[1])]);
    const england = englandLsoas();
    const expected = england.features.find(
      (f) => f.properties.LADCD_ACTIVE === 'E08000032' && booleanPointInPolygon(pt, f.geometry),
    )!.properties.LSOA21CD;
    const { page, problems } = await openPage(chrome.browser, `${base}E08000032/`);
    await waitForMap(page);
    const requests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/postcodes/')) requests.push(new URL(r.url()).pathname);
    });
    expect(await page.locator('#search-input').getAttribute('placeholder')).toMatch(/or a postcode/);
    await page.locator('#search-input').fill('bd1 1aa');
    await page.keyboard.press('Enter');
    const profile = page.getByTestId('lsoa-profile');
    await profile.waitFor();
    await expect(profile.locator('h2').textContent()).resolves.toContain(expected);
    expect(page.url()).toContain(`sel=lsoa%3A${expected}`);
    await expect(page.locator('#search-message').textContent()).resolves.toMatch(/live and terminated postcodes alike/);
    expect(requests).toEqual(['/E08000032/geo/postcodes/BD1.json']);
    expect(problems).toEqual([]);
  });

  it('says a postcode over the boundary is in Leeds and links to the Leeds atlas beside it', async () => {
    // A Leeds postcode within 2 km of Bradford, from Bradford's own files (the Leeds LSOA is checked against the source below).
    const dir = join(sites, 'E08000032/geo/postcodes');
    const files = readdirSync(dir).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as PostcodeDistrict);
    const file = files.find((f) => f.councils.some((c) => c.name === 'Leeds'))!;
    const leeds = file.councils.findIndex((c) => c.name === 'Leeds');
    const [inward, [lon, lat, i]] = Object.entries(file.postcodes).find(
      ([, v]) => v[2] >= 0 && file.lsoaCouncils[v[2]] === leeds,
    )!;
    const lsoa = file.lsoaCodes[i]!;
    const england = englandLsoas();
    const source = england.features.find((f) => f.properties.LSOA21CD === lsoa)!;
    expect(source.properties.LADCD_ACTIVE).toBe('E08000035');
    expect(booleanPointInPolygon(point([lon, lat]), source.geometry)).toBe(true);

    const { page, problems } = await openPage(chrome.browser, `${base}E08000032/`);
    await waitForMap(page);
    await page.locator('#search-input').fill(`${file.district} ${inward}`);
    await page.keyboard.press('Enter');
    await page
      .locator('#search-message', {
        hasText: `${file.district} ${inward} is in Leeds (LSOA ${lsoa}), not in the area this map shows.`,
      })
      .waitFor({ timeout: 10_000 });
    const link = page.getByTestId('other-council-atlas');
    expect(await link.getAttribute('href')).toBe(`../E08000035/?sel=lsoa:${lsoa}`);
    await link.click();
    await page.waitForURL(`${base}E08000035/?sel=lsoa:${lsoa}`);
    expect(problems.filter((p) => !/404|Failed to load/.test(p))).toEqual([]);
  });

  it('shows neighbourhood (MSOA) names on the map, with their attribution and a toggle that says what is shown', async () => {
    // Central Bradford's MSOA name at zoom 13 over its population-weighted centroid (from the source CSV).
    const centroid = readFileSync(resolve(SOURCES, 'context/msoa21_population_weighted_centroids_ew.csv'), 'utf8')
      .split('\n')
      .find((l) => l.startsWith('E02006948,'))!
      .split(',');
    const names = new Set(
      readFileSync(resolve(SOURCES, 'context/msoa21_names_hocl_england_wales.csv'), 'utf8')
        .split('\n')
        .slice(1)
        .map((l) => l.slice(10).replace(/^"|"$/g, '').trim()),
    );
    const { page, problems } = await openPage(
      chrome.browser,
      `${base}E08000032/?at=${Number(centroid[2]).toFixed(5)},${Number(centroid[1]).toFixed(5)},13`,
    );
    await waitForMap(page);
    await page.waitForFunction(() => document.querySelector('[data-testid="context-labels"]') !== null, undefined, {
      timeout: 30_000,
    });
    await waitForIdle(page);
    const shown = await page.$$eval('.context-label', (els) =>
      els.filter((e) => (e as HTMLElement).style.display !== 'none').map((e) => e.textContent ?? ''),
    );
    expect(shown.filter((t) => names.has(t)).length).toBeGreaterThan(0);
    await expect(page.locator('.maplibregl-ctrl-attrib').textContent()).resolves.toContain(
      'House of Commons Library MSOA Names',
    );
    // Bradford is in West Yorkshire: roads and rivers as well as names.
    await expect(page.getByTestId('context-toggle').locator('xpath=..').textContent()).resolves.toContain(
      'Roads, rail, rivers, parks and place names',
    );
    expect(problems).toEqual([]);
  });

  it("About shows Bradford's standing in England: File 10's rank of average score", async () => {
    const rank = Number(
      table('indices/iod2025_lad24_summaries_england.csv')
        .find((r) => r.get('ltla24_code') === 'E08000032')!
        .get('imd_rank_of_average_score'),
    );
    const { page, problems } = await openPage(chrome.browser, `${base}E08000032/`);
    await waitForMap(page);
    await page.getByRole('button', { name: 'About the data' }).click();
    const headline = page.getByTestId('standing-headline');
    await headline.waitFor();
    await expect(headline.textContent()).resolves.toMatch(
      new RegExp(`^Bradford is ${rank}(st|nd|rd|th) of 296 districts in England by average IMD score`),
    );
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('a ward profile shows its Census 2021 population, labelled with source, year and band, as the source files give it', async () => {
    // Straight from the sources: the ward's LSOAs by the ONS best-fit lookup, their Census 2021 residents.
    const csv = (rel: string) => {
      const lines = readFileSync(join(ROOT, '../shared/data', rel), 'utf8')
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/)
        .filter((l) => l !== '');
      const header = lines[0]!.split(',');
      return lines.slice(1).map((l) => new Map(l.split(',').map((v, i) => [header[i]!, v])));
    };
    const wardOf = new Map(
      csv('lookups/lsoa21_ward25_lad25_england_wales_best_fit.csv').map((r) => [r.get('LSOA21CD')!, r.get('WD25CD')!]),
    );
    const codes = bradfordLsoas().features.map((f) => String(f.properties['code']));
    const ward = wardOf.get([...codes].sort()[0]!)!;
    const members = new Set(codes.filter((c) => wardOf.get(c) === ward));
    const census = csv('population/census2021_ts007a_lsoa21_england.csv').filter((r) =>
      members.has(r.get('geography code')!),
    );
    const total = census.reduce((a, r) => a + Number(r.get('Age: Total')), 0);
    expect(census).toHaveLength(members.size);

    const { page, problems } = await openPage(chrome.browser, `${base}E08000032/?sel=ward:${ward}`);
    await waitForMap(page);
    const facts = page.getByTestId('ward-people');
    await facts.waitFor({ timeout: 30_000 });
    await expect(
      page.getByTestId('ward-profile').getByRole('heading', { name: 'People (Census 2021)' }).count(),
    ).resolves.toBe(1);
    await expect(facts.textContent()).resolves.toMatch(
      new RegExp(
        `^Usual residents \\(Census 2021\\)${total.toLocaleString('en-GB')}Children aged 0–14 \\(Census 2021\\)[\\d,]+People aged 60 and over`,
      ),
    );
    await expect(page.getByTestId('ward-scores').textContent()).resolves.toContain('usual residents, Census 2021');
    // IDACI and IDAOPI (ranks and deciles from File 3) are map indicators here too.
    await expect(
      page.locator('select option[value="idc"]').evaluate((o) => (o as HTMLOptionElement).disabled),
    ).resolves.toBe(false);
    expect(problems).toEqual([]);
  });

  it('has an accessibility statement about Bradford', async () => {
    const { page } = await openPage(chrome.browser, `${base}E08000032/accessibility.html`);
    const text = await pageText(page);
    expect(text).toContain('a map of deprivation in Bradford');
    expect(text).not.toMatch(/Leeds/i);
  });

  it('works offline after one visit, from a precache of Bradford’s own files', async () => {
    const target = firstLsoa();
    const { page } = await openPage(chrome.browser, `${base}E08000032/?at=${target.at}`);
    await waitForMap(page);
    const keys = await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      const names = await caches.keys();
      const cache = await caches.open(names[0]!);
      return (await cache.keys()).map((r) => new URL(r.url).pathname);
    });
    for (const file of ['index.html', 'geo/areas-2021.topojson', 'geo/areas-2021-details.json', 'geo/metadata.json'])
      expect(keys).toContain(`/E08000032/${file}`);
    // Every precached file is one of Bradford's (nothing outside its folder), its postcode files among them.
    expect(keys.every((k) => k.startsWith('/E08000032/'))).toBe(true);
    expect(keys).toContain('/E08000032/geo/postcodes/BD1.json');
    await page.context().setOffline(true);
    // Really offline: a file the worker does not hold fails.
    await expect(
      page.evaluate(() =>
        fetch('/not-cached.txt').then(
          () => 'ok',
          () => 'failed',
        ),
      ),
    ).resolves.toBe('failed');
    await page.reload();
    await waitForMap(page);
    await expect(page.evaluate(() => navigator.serviceWorker.controller !== null)).resolves.toBe(true);
    expect(await page.title()).toBe('Neighbourhood Atlas — deprivation in Bradford');
    expect(closeTo(await mapCentrePixel(page), target.colour)).toBe(true);
  });
});

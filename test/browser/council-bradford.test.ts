import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { preview, type PreviewServer } from 'vite';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { chromiumForThisFile, openPage, waitForMap } from './browser';
import { blend, interiorPoint } from './fixtures';
import { closeTo, mapCentrePixel } from './pixels';
import { DECILE_COLOURS } from '../../src/domain/colour-schemes';
import { tempDir } from '../unit/pipeline/helpers/synthetic';

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
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/cli/build-sites.ts', 'E08000032'], {
    cwd: ROOT,
    env: { ...process.env, ATLAS_SITES_DIR: sites },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`build:sites failed: ${r.stderr}`);
  server = await preview({ root: ROOT, build: { outDir: sites }, preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'error' });
  base = server.resolvedUrls?.local[0] ?? '';
}, 300_000);

afterAll(async () => {
  await server?.close();
});

function bradfordLsoas(): FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>> {
  const topo = JSON.parse(readFileSync(join(sites, 'E08000032/geo/areas-2021.topojson'), 'utf8')) as Topology;
  return feature(topo, topo.objects['lsoa21'] as GeometryCollection) as unknown as FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>>;
}

/** The Bradford LSOA with the lowest code and a point inside it: where the pixel checks look. */
function firstLsoa() {
  const target = [...bradfordLsoas().features].sort((a, b) => String(a.properties['code']).localeCompare(String(b.properties['code'])))[0]!;
  const [lon, lat] = interiorPoint(target);
  return { at: `${lat.toFixed(5)},${lon.toFixed(5)},16`, colour: blend(DECILE_COLOURS[(target.properties['y25_imd_d'] as number) - 1]!, 0.85) };
}

const pageText = (page: import('playwright-core').Page) => page.evaluate(() => `${document.title}\n${document.body.innerText}`);

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
    await expect(about.getByTestId('about-wards').textContent()).resolves.toMatch(/May 2025.*official ONS best-fit lookup.*LSOAs? moved/);
    await expect(about.getByTestId('about-population').textContent()).resolves.toMatch(/^Population: [\d,]+ \(usual residents, Census 2021\), of whom [\d,]+ children aged 0–14, Census 2021/);
    await expect(about.getByTestId('about-no-content').textContent()).resolves.toContain('content/E08000032/');
    await expect(about.getByTestId('about-unavailable').textContent()).resolves.toMatch(/Postcode search/);
    expect(await pageText(page)).not.toMatch(/Leeds/i);
    await about.getByRole('button', { name: 'Close' }).click();

    const search = page.locator('#search-input');
    expect(await search.getAttribute('placeholder')).not.toMatch(/Leeds|LS\d/i);
    await search.fill('BD1 1AA');
    await search.press('Enter');
    await expect(page.getByText(/Postcode search: Not available for Bradford/).count()).resolves.toBe(1);
    expect(problems).toEqual([]);
  });

  it('a ward profile shows its Census 2021 population, labelled with source, year and band, as the source files give it', async () => {
    // Straight from the sources: the ward's LSOAs by the ONS best-fit lookup, their Census 2021 residents.
    const csv = (rel: string) => {
      const lines = readFileSync(join(ROOT, '../shared/data', rel), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l !== '');
      const header = lines[0]!.split(',');
      return lines.slice(1).map((l) => new Map(l.split(',').map((v, i) => [header[i]!, v])));
    };
    const wardOf = new Map(csv('lookups/lsoa21_ward25_lad25_england_wales_best_fit.csv').map((r) => [r.get('LSOA21CD')!, r.get('WD25CD')!]));
    const codes = bradfordLsoas().features.map((f) => String(f.properties['code']));
    const ward = wardOf.get([...codes].sort()[0]!)!;
    const members = new Set(codes.filter((c) => wardOf.get(c) === ward));
    const census = csv('population/census2021_ts007a_lsoa21_england.csv').filter((r) => members.has(r.get('geography code')!));
    const total = census.reduce((a, r) => a + Number(r.get('Age: Total')), 0);
    expect(census).toHaveLength(members.size);

    const { page, problems } = await openPage(chrome.browser, `${base}E08000032/?sel=ward:${ward}`);
    await waitForMap(page);
    const facts = page.getByTestId('ward-people');
    await facts.waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('ward-profile').getByRole('heading', { name: 'People (Census 2021)' }).count()).resolves.toBe(1);
    await expect(facts.textContent()).resolves.toMatch(new RegExp(`^Usual residents \\(Census 2021\\)${total.toLocaleString('en-GB')}Children aged 0–14 \\(Census 2021\\)[\\d,]+People aged 60 and over`));
    await expect(page.getByTestId('ward-scores').textContent()).resolves.toContain('usual residents, Census 2021');
    // IDACI and IDAOPI (ranks and deciles from File 3) are map indicators here too.
    await expect(page.locator('select option[value="idc"]').evaluate((o) => (o as HTMLOptionElement).disabled)).resolves.toBe(false);
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
    for (const file of ['index.html', 'geo/areas-2021.topojson', 'geo/areas-2021-details.json', 'geo/metadata.json']) expect(keys).toContain(`/E08000032/${file}`);
    // Every precached file is one of Bradford's (no Leeds postcode district files, nothing outside its folder).
    expect(keys.every((k) => k.startsWith('/E08000032/') && !k.includes('/postcodes/'))).toBe(true);
    await page.context().setOffline(true);
    // Really offline: a file the worker does not hold fails.
    await expect(page.evaluate(() => fetch('/not-cached.txt').then(() => 'ok', () => 'failed'))).resolves.toBe('failed');
    await page.reload();
    await waitForMap(page);
    await expect(page.evaluate(() => navigator.serviceWorker.controller !== null)).resolves.toBe(true);
    expect(await page.title()).toBe('Neighbourhood Atlas — deprivation in Bradford');
    expect(closeTo(await mapCentrePixel(page), target.colour)).toBe(true);
  });
});

/**
 * IoD 2025 File 7 in the app: people counts in the outreach panel and the ward profile, IDACI and
 * IDAOPI on the map, and the Leeds population in About. Expected figures come from the source CSVs
 * read here (own parser and haversine in test/unit/outreach/independent.ts), not from app code.
 */
import { describe, expect, inject, it } from 'vitest';
import { area } from '@turf/turf';
import { readFileSync } from 'node:fs';
import { chromiumForThisFile, openPage, waitForIdle, waitForMap } from './browser';
import { csvFields, readCsvPreamble } from './csv';
import { blend, builtAreas, interiorPoint } from './fixtures';
import { closeTo, mapCentrePixel } from './pixels';
import { DECILE_COLOURS } from '../../src/domain/colour-schemes';
import { haversineM, table } from '../unit/outreach/independent';

const chrome = chromiumForThisFile();
const base = inject('baseUrl');

const FILE7 = table('indices/iod2025_file7_leeds_lsoa21.csv');
const CODE = 'LSOA code (2021)';
const POP = 'Total population: mid 2022';
const CHILDREN = 'Dependent Children aged 0-15: mid 2022';
const OLDER = 'Older population aged 60 and over: mid 2022';
const centroids = new Map(
  table('lookups/lsoa21_population_weighted_centroids_ew.csv').map((r) => [
    r.get('lsoa21cd')!,
    [Number(r.get('lon')), Number(r.get('lat'))] as [number, number],
  ]),
);
const wardOf = new Map(
  table('lookups/lsoa21_ward24_lad24_england_wales.csv')
    .filter((r) => r.get('ltla24_code') === 'E08000035')
    .map((r) => [r.get('lsoa21_code')!, r.get('ward24_code')!]),
);
const venue = table('places/leeds_named_venues_compiled.csv').find((r) =>
  r.get('name')!.startsWith('Reginald Centre'),
)!;
const REGINALD: [number, number] = [
  Number(venue.get('lon_postcode_centroid')),
  Number(venue.get('lat_postcode_centroid')),
];
const sum = (rows: typeof FILE7, col: string) => rows.reduce((s, r) => s + Number(r.get(col)), 0);
const fmt = (n: number) => n.toLocaleString('en-GB');

describe('people from IoD 2025 File 7', () => {
  it('the Reginald Centre 800 m catchment shows the population and children an independent haversine finds', async () => {
    const inside = FILE7.filter((r) => haversineM(REGINALD, centroids.get(r.get(CODE)!)!) <= 800);
    expect(inside.length).toBeGreaterThan(0);
    const { page, problems } = await openPage(chrome.browser, `${base}?sel=venue:venue-reginald-centre`);
    await waitForMap(page);
    await page.getByTestId('venue-profile').waitFor();
    await page.getByRole('radio', { name: 'Catchment around a hub, venue or point' }).check();
    await page.getByTestId('outreach-panel').getByRole('radio', { name: '800 m' }).check();
    const people = page.getByTestId('catchment-people');
    await people.waitFor();
    await expect(people.textContent()).resolves.toMatch(
      new RegExp(
        `^Within 800 m: ${fmt(sum(inside, POP))} people, including ${fmt(sum(inside, CHILDREN))} dependent children aged 0–15 and ${fmt(sum(inside, OLDER))} older people aged 60 and over — mid-2022 \\(IoD 2025 File 7\\)`,
      ),
    );
    await expect(page.getByTestId('outreach-panel').textContent()).resolves.toContain(
      'population-weighted centre lies inside the distance',
    );

    // The CSV download carries the same people per LSOA and in its totals line.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download this list (CSV)' }).click(),
    ]);
    const text = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
    const lines = text.split(/\r?\n/).filter((l) => l !== '');
    const [header, ...rows] = lines.filter((l) => !l.startsWith('#,')).map(csvFields);
    const col = (name: string) => rows.map((r) => Number(r[header!.indexOf(name)]));
    const byCode = new Map(inside.map((r) => [r.get(CODE)!, r]));
    expect(rows.map((r) => Number(byCode.get(r[0]!)?.get(POP)))).toEqual(col('Population (mid-2022, IoD 2025 File 7)'));
    expect(col('Dependent children aged 0–15 (mid-2022, IoD 2025 File 7)').reduce((a, b) => a + b, 0)).toBe(
      sum(inside, CHILDREN),
    );
    expect(readCsvPreamble(text).find((l) => l.startsWith('Totals within 800 m:'))).toContain(
      `${sum(inside, POP)} people, ${sum(inside, CHILDREN)} dependent children aged 0–15`,
    );
    expect(problems).toEqual([]);
  });

  it('gap mode counts children in IDACI decile 1–2 LSOAs within and beyond 800 m of every community hub', async () => {
    const hubs = (
      JSON.parse(readFileSync(new URL('../../dist/geo/interventions.json', import.meta.url), 'utf8')) as {
        features: { geometry: { coordinates: [number, number] }; properties: { type: string; precision: string } }[];
      }
    ).features
      .filter((v) => v.properties.type === 'community_hub' && v.properties.precision !== 'area')
      .map((v) => v.geometry.coordinates);
    const idaci12 = FILE7.filter(
      (r) =>
        Number(
          r.get('Income Deprivation Affecting Children Index (IDACI) Decile (where 1 is most deprived 10% of LSOAs)'),
        ) <= 2,
    );
    const near = (r: (typeof FILE7)[number]) => hubs.some((h) => haversineM(h, centroids.get(r.get(CODE)!)!) <= 800);
    const within = sum(idaci12.filter(near), CHILDREN);
    const beyond = sum(
      idaci12.filter((r) => !near(r)),
      CHILDREN,
    );
    expect(beyond).toBeGreaterThan(0);
    const { page, problems } = await openPage(chrome.browser, base);
    await waitForMap(page);
    await page.getByRole('radio', { name: 'Deprived areas far from every community hub' }).check({ timeout: 30_000 });
    await page.getByTestId('outreach-panel').getByRole('radio', { name: '800 m' }).check();
    const text = (await page.getByTestId('gap-people').textContent())!;
    expect(text).toContain(
      `within 800 m of a hub: ${fmt(within)} dependent children aged 0–15 live in LSOAs in IDACI decile 1–2`,
    );
    expect(text).toContain(
      `beyond 800 m of every hub: ${fmt(beyond)} dependent children aged 0–15 live in LSOAs in IDACI decile 1–2`,
    );
    expect(problems).toEqual([]);
  });

  it('a ward profile shows its population, children, older people and the people in the most deprived 10%', async () => {
    const ward = 'E05011388'; // Burmantofts & Richmond Hill
    const rows = FILE7.filter((r) => wardOf.get(r.get(CODE)!) === ward);
    const imd10 = new Set(
      table('indices/iod2025_lsoa21_england.csv')
        .filter((r) => r.get('imd_decile') === '1')
        .map((r) => r.get('lsoa21cd')!),
    );
    const in10 = sum(
      rows.filter((r) => imd10.has(r.get(CODE)!)),
      POP,
    );
    const { page, problems } = await openPage(chrome.browser, `${base}?sel=ward:${ward}`);
    await waitForMap(page);
    const facts = page.getByTestId('ward-people');
    await facts.waitFor({ timeout: 30_000 });
    await expect(facts.textContent()).resolves.toBe(
      `Population (mid-2022, IoD 2025 File 7)${fmt(sum(rows, POP))}Dependent children aged 0–15 (mid-2022, IoD 2025 File 7)${fmt(sum(rows, CHILDREN))}Older people aged 60 and over (mid-2022, IoD 2025 File 7)${fmt(sum(rows, OLDER))}`,
    );
    await expect(page.getByTestId('ward-people-10pc').textContent()).resolves.toMatch(
      new RegExp(
        `^${fmt(in10)} people \\(${Math.round((in10 / sum(rows, POP)) * 100)}%; population, mid-2022 \\(IoD 2025 File 7\\)\\) of this ward live in LSOAs in\\s+the most deprived 10% in England`,
      ),
    );
    // Ten population-weighted scores, each ranked among the 33 wards.
    await expect(page.locator('[data-testid="ward-scores"] tbody tr').count()).resolves.toBe(10);
    const ranks = await page.locator('[data-testid="ward-scores"] tbody tr td:nth-child(3)').allTextContents();
    expect(
      ranks.every((t) => /^\d+ of 33$/.test(t)),
      ranks.join('; '),
    ).toBe(true);
    expect(problems).toEqual([]);
  });

  it('IDACI and IDAOPI can be chosen and colour the map by their deciles', async () => {
    // A large LSOA whose IMD, IDACI and IDAOPI deciles all differ, so each choice changes the pixel.
    const target = builtAreas('lsoa21')
      .features.filter(
        (f) => new Set([f.properties['y25_imd_d'], f.properties['y25_idc_d'], f.properties['y25_ido_d']]).size === 3,
      )
      .sort((a, b) => area(b) - area(a))[0]!;
    const decile = (k: string) => target.properties[k] as number;
    const [lon, lat] = interiorPoint(target);
    const { page, problems } = await openPage(chrome.browser, `${base}?at=${lat.toFixed(5)},${lon.toFixed(5)},15`);
    await waitForMap(page);
    const imdPixel = await mapCentrePixel(page);
    expect(closeTo(imdPixel, blend(DECILE_COLOURS[decile('y25_imd_d') - 1]!, 0.85))).toBe(true);

    await page.selectOption('#indicator-select', 'idc');
    await waitForIdle(page);
    const idcPixel = await mapCentrePixel(page);
    expect(closeTo(idcPixel, blend(DECILE_COLOURS[decile('y25_idc_d') - 1]!, 0.85))).toBe(true);
    expect(closeTo(idcPixel, imdPixel)).toBe(false);
    expect(page.url()).toContain('ind=idc');

    await page.selectOption('#indicator-select', 'ido');
    await waitForIdle(page);
    const idoPixel = await mapCentrePixel(page);
    expect(closeTo(idoPixel, blend(DECILE_COLOURS[decile('y25_ido_d') - 1]!, 0.85))).toBe(true);
    expect(closeTo(idoPixel, idcPixel)).toBe(false);
    await expect(page.getByTestId('legend').textContent()).resolves.toContain(
      'Income deprivation affecting older people (IDAOPI)',
    );
    expect(problems).toEqual([]);
  });

  it('About gives the Leeds total population from File 7, mid-2022, with its source', async () => {
    const { page, problems } = await openPage(chrome.browser, base);
    await waitForMap(page);
    await page.getByRole('button', { name: 'About the data' }).click();
    const line = page.getByTestId('about-population');
    await line.waitFor();
    const text = (await line.textContent())!;
    expect(sum(FILE7, POP)).toBe(820_802);
    expect(text).toMatch(/^Population: 820,802 \(population, mid-2022 \(IoD 2025 File 7\)\)/);
    expect(text).toContain('English Indices of Deprivation 2025 File 7');
    expect(text).toContain('indices/iod2025_file7_leeds_lsoa21.csv');
    expect(problems).toEqual([]);
  });
});

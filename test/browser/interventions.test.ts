import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromiumForThisFile, openPage, waitForIdle, waitForMap, type WatchedPage } from './browser';
import { canvasPixel, closeTo } from './pixels';
import { allTypesFilter, matchesFilter, type InterventionFilter } from '../../src/domain/interventions';
import { readCouncilFolder } from '../../scripts/pipeline/council-folder';
import { readerSource } from '../../src/domain/citations';
import type { CityWideIntervention, InterventionProperties, InterventionType } from '../../src/data/content-contract';

const chrome = chromiumForThisFile();
/** Leeds' vocabulary, as its content folder declares it. */
const LEEDS_TYPES = readCouncilFolder(resolve(import.meta.dirname, '../../content/E08000035')).interventionTypes;
const ALL_TYPES_FILTER = allTypesFilter(LEEDS_TYPES);
const INTERVENTION_STYLE = Object.fromEntries(LEEDS_TYPES.map((t) => [t.id, t]));
const ANCHOR_STYLE = INTERVENTION_STYLE.anchor_institution!;
const base = inject('baseUrl');

interface Venue {
  geometry: { coordinates: [number, number] };
  properties: InterventionProperties;
}
const BUILT = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../dist/geo/interventions.json'), 'utf8')) as {
  features: Venue[];
  cityWide: CityWideIntervention[];
};
const VENUES = BUILT.features;
/** Programmes the reports give for the whole city: listed in the panel, never drawn. */
const CITY_WIDE = BUILT.cityWide;
/** An anchor institution with a postcode-precise point, reported outcomes, and no other marker within 400 m. */
const ANCHOR = VENUES.find((v) => v.properties.id === 'ltht-st-jamess-anchor')!;
/** A project placed only approximately, in its neighbourhood. */
const APPROXIMATE = VENUES.find((v) => v.properties.id === 'holbeck-go-tri')!;

/** Where a lon/lat is on the map canvas now (CSS pixels), through the app's read-only test hook. */
async function project(page: Page, [lon, lat]: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate(([x, y]) => window.__atlas!.project(x!, y!), [lon, lat]);
}

const expectedItems = (f: InterventionFilter) => VENUES.map((v) => v.properties).filter((p) => matchesFilter(p, f));

async function shownCount(page: Page): Promise<string> {
  return (await page.locator('.interventions [role="status"]').textContent()) ?? '';
}

describe('the interventions layer', () => {
  let w: WatchedPage;
  beforeAll(async () => {
    const [lon, lat] = ANCHOR.geometry.coordinates;
    w = await openPage(chrome.browser, `${base}?at=${lat},${lon},16`);
    await waitForMap(w.page);
    // The interventions file loads on its own, after the first choropleth: wait for it, then for the map to draw it.
    await w.page.getByTestId('venue-list').locator('li').first().waitFor();
    await waitForIdle(w.page);
  });
  afterAll(async () => {
    await w.page.context().close();
  });

  it("draws the venue's marker in its type's colour; hovering shows a tooltip; clicking opens its profile", async () => {
    const { page } = w;
    expect(ANCHOR.properties.type).toBe('anchor_institution');
    const colour = ANCHOR_STYLE.colour;
    const rgb = [1, 3, 5].map((i) => Number.parseInt(colour.slice(i, i + 2), 16));
    const at = await project(page, ANCHOR.geometry.coordinates);
    const pixel = await canvasPixel(page, at.x, at.y);
    expect(closeTo(pixel, rgb, 24), `marker pixel ${pixel} vs ${colour}`).toBe(true);
    // The type filter drives the map too: without anchors the marker is gone, and it comes back.
    const anchors = page.getByRole('checkbox', { name: ANCHOR_STYLE.label });
    await anchors.uncheck();
    await waitForIdle(page);
    expect(closeTo(await canvasPixel(page, at.x, at.y), rgb, 24)).toBe(false);
    await anchors.check();
    await waitForIdle(page);
    expect(closeTo(await canvasPixel(page, at.x, at.y), rgb, 24)).toBe(true);

    const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
    await page.mouse.move(box.x + at.x, box.y + at.y);
    const tooltip = page.getByTestId('tooltip');
    await tooltip.waitFor();
    await expect(tooltip.locator('.tooltip__title').textContent()).resolves.toContain(ANCHOR.properties.name);
    await expect(tooltip.textContent()).resolves.toContain(ANCHOR_STYLE.label);
    await expect(tooltip.textContent()).resolves.toContain('postcode centroid (LS9 7TF), not the building');

    await page.mouse.click(box.x + at.x, box.y + at.y);
    const profile = page.getByTestId('venue-profile');
    await profile.waitFor();
    await expect(profile.locator('h2').textContent()).resolves.toBe(ANCHOR.properties.name);
    expect(new URL(page.url()).searchParams.get('sel')).toBe(`venue:${ANCHOR.properties.id}`);
    const text = (await profile.textContent()) ?? '';
    expect(text).toContain('Outcomes as reported');
    expect(text).toContain(
      'apprenticeship programmes, year-on-year increase: 51 % (quoted from the NHS Long Term Plan in the report)',
    );
    await expect(profile.locator('.profile__source').textContent()).resolves.toBe(
      readerSource(ANCHOR.properties.source),
    );
    await expect(page.getByTestId('venue-precision').textContent()).resolves.toBe(
      'Location: postcode centroid (LS9 7TF), not the building',
    );
    await expect(page.getByTestId('live-region').textContent()).resolves.toContain(
      `Selected ${ANCHOR.properties.name}.`,
    );
    expect(w.problems).toEqual([]);
  });

  it('an approximately placed project says so in the list and in its profile', async () => {
    const { page } = w;
    const item = page.getByTestId('venue-list').locator('li', { hasText: APPROXIMATE.properties.name });
    await expect(item.locator('.venue-list__meta').textContent()).resolves.toContain('location approximate');
    await item.getByRole('button').click();
    await expect(page.getByTestId('venue-profile').locator('h2').textContent()).resolves.toBe(
      APPROXIMATE.properties.name,
    );
    await expect(page.getByTestId('venue-precision').textContent()).resolves.toMatch(
      /^Location: approximate: placed in its neighbourhood/,
    );
    await expect(page.getByTestId('venue-profile').textContent()).resolves.toContain('children attending: over 20');
    // No dates in the source: the profile says what the report gives instead.
    expect(APPROXIMATE.properties.start ?? APPROXIMATE.properties.end).toBeUndefined();
    await expect(page.getByTestId('venue-date-note').textContent()).resolves.toBe(
      `When: ${APPROXIMATE.properties.dateNote}`,
    );
  });

  it('the list filters by type and by year, with the counts and items the data gives', async () => {
    const { page } = w;
    const list = page.getByTestId('venue-list');
    const names = () => list.locator('li > button').allTextContents();
    expect(await list.locator('li').count()).toBe(VENUES.length);
    await expect(shownCount(page)).resolves.toBe(`${VENUES.length} of ${VENUES.length} shown.`);

    // Type: unchecking "Anchor institution" drops exactly the anchors, from the list and from the map.
    await page.getByRole('checkbox', { name: ANCHOR_STYLE.label }).uncheck();
    const noAnchors: InterventionFilter = {
      ...ALL_TYPES_FILTER,
      types: new Set([...ALL_TYPES_FILTER.types].filter((t) => t !== 'anchor_institution')),
    };
    const afterType = expectedItems(noAnchors);
    expect(afterType.length).toBeLessThan(VENUES.length);
    await expect(shownCount(page)).resolves.toBe(`${afterType.length} of ${VENUES.length} shown.`);
    await expect(names()).resolves.toEqual(afterType.map((p) => p.name));

    // Years: items running at some time in 2019–2020, without undated items.
    await page.getByLabel('From year').selectOption('2019');
    await page.getByLabel('To year').selectOption('2020');
    await page.getByRole('checkbox', { name: 'Include items whose dates the sources do not give' }).uncheck();
    const byYear: InterventionFilter = { ...noAnchors, fromYear: 2019, toYear: 2020, includeUndated: false };
    const afterYear = expectedItems(byYear);
    expect(afterYear.length).toBeGreaterThan(0);
    expect(afterYear.length).toBeLessThan(afterType.length);
    // The Nowells programme has a start and no end in the sources, so 2019–2020 keeps it.
    expect(afterYear.map((p) => p.id)).toContain('nowells-targeted-programme');
    await expect(shownCount(page)).resolves.toBe(`${afterYear.length} of ${VENUES.length} shown.`);
    await expect(names()).resolves.toEqual(afterYear.map((p) => p.name));

    // Anchors back on: the count adds only the anchors whose dates match.
    await page.getByRole('checkbox', { name: ANCHOR_STYLE.label }).check();
    const types = new Set<InterventionType>(ALL_TYPES_FILTER.types);
    await expect(shownCount(page)).resolves.toBe(
      `${expectedItems({ ...byYear, types }).length} of ${VENUES.length} shown.`,
    );
    expect(w.problems).toEqual([]);
  });

  it('lists the city-wide programmes, with their citations, in a collapsed section of the panel', async () => {
    const { page } = w;
    expect(CITY_WIDE.map((c) => c.id)).toEqual(
      expect.arrayContaining(['warm-spaces-map', 'jobshop-use-all-hubs', 'local-area-plans-2023']),
    );
    const section = page.getByTestId('citywide-list');
    await expect(section.locator('summary').textContent()).resolves.toBe(
      `${CITY_WIDE.length} city-wide programmes (not on the map)`,
    );
    const items = section.locator(':scope > ul > li');
    await expect(items.first().isVisible()).resolves.toBe(false);
    await section.locator('summary').click();
    await expect(items.first().isVisible()).resolves.toBe(true);
    expect(await items.count()).toBe(CITY_WIDE.length);
    for (const [k, c] of CITY_WIDE.entries()) {
      const li = items.nth(k);
      await expect(li.locator(':scope > strong').textContent()).resolves.toBe(c.name);
      await expect(li.locator('.profile__source').textContent()).resolves.toBe(`Source: ${readerSource(c.source)}`);
    }
    const jobshops = items.filter({ hasText: 'Jobshop use across all Community Hubs' });
    await expect(jobshops.textContent()).resolves.toContain('people using Jobshop services in Community Hubs: 5,745');
    await expect(jobshops.textContent()).resolves.toContain('para. 3.13.6 "Jobshop services in Community Hubs"');
    // They are not map items: the list of placed items does not include them.
    await expect(page.getByTestId('venue-list').textContent()).resolves.not.toContain('Searchable map of warm spaces');
    expect(w.problems).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { booleanPointInPolygon, distance, point, pointToLineDistance, polygonToLine } from '@turf/turf';
import type { Feature, LineString, MultiLineString } from 'geojson';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromiumForThisFile, openPage, waitForIdle, waitForMap, type WatchedPage } from './browser';
import { blend, builtAreas, interiorPoint } from './fixtures';
import { closeTo, mapCentrePixel } from './pixels';
import { axeReport } from './axe';
import { SPI_COLOURS, spiScheme } from '../../src/domain/colour-schemes';
import type { DataMetadata } from '../../src/data/contract';

const chrome = chromiumForThisFile();
const base = inject('baseUrl');
const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURE = resolve(ROOT, 'test/fixtures/spi/synthetic-leeds-wards-TEST-ONLY.csv');
const FIXTURE_NAME = 'synthetic-leeds-wards-TEST-ONLY.csv';

// --- the fixture, read independently of the app's parser (it has no quoted fields) -------------------
const [headerLine, ...bodyLines] = readFileSync(FIXTURE, 'utf8').trim().split(/\r?\n/);
const HEADER = headerLine!.split(',');
const ROWS = bodyLines.map(
  (l) => Object.fromEntries(l.split(',').map((v, i) => [HEADER[i]!, v])) as Record<string, string>,
);
const YEARS = [...new Set(ROWS.map((r) => Number(r['year'])))].sort((a, b) => a - b);
/** The app maps the latest year by default. */
const LATEST = YEARS.at(-1)!;
const latestRows = ROWS.filter((r) => Number(r['year']) === LATEST);
/** Score columns in scorecard order: overall, then each dimension followed by its 4 components. */
const DIMENSIONS = HEADER.slice(4, 7);
const COMPONENTS = HEADER.slice(7, 19);
const SCORECARD_ORDER = ['spi', ...DIMENSIONS.flatMap((d, i) => [d, ...COMPONENTS.slice(i * 4, i * 4 + 4)])];

/** SPI class by the documented thresholds (under 40, 40–50, …, 80 or more), counted by hand. */
function spiClass(score: number): number {
  return [40, 50, 60, 70, 80].filter((t) => score >= t).length;
}

/** docs/spi.md: strength = fewer than round(n/4) wards score higher; weakness = fewer than round(n/4) score lower. */
function expectedMark(column: string, wardCode: string): string {
  const all = latestRows.map((r) => Number(r[column]));
  const value = Number(latestRows.find((r) => r['ward_code'] === wardCode)![column]);
  const k = Math.round(all.length / 4);
  const strong = all.filter((v) => v > value).length < k;
  const weak = all.filter((v) => v < value).length < k;
  if (strong && weak) return '';
  return strong ? '▲ strength' : weak ? '▼ weakness' : '';
}

/**
 * A ward to aim the camera at: not a priority ward (no neighbourhood outlines), with an interior
 * point at least 400 m from its boundary and from every mapped intervention (no marker on the pixel).
 */
function targetWard(): { code: string; name: string; lon: number; lat: number } {
  const venues = (
    JSON.parse(readFileSync(resolve(ROOT, 'dist/geo/interventions.json'), 'utf8')) as {
      features: { geometry: { coordinates: [number, number] } }[];
    }
  ).features;
  const meta = JSON.parse(readFileSync(resolve(ROOT, 'dist/geo/metadata.json'), 'utf8')) as DataMetadata;
  const withNeighbourhoods = new Set((meta.council?.content?.neighbourhoods ?? []).map((n) => n.ward.code));
  const wards = builtAreas('wards').features.filter((w) => !withNeighbourhoods.has(String(w.properties['code'])));
  for (const w of wards.sort((a, b) => String(a.properties['code']).localeCompare(String(b.properties['code'])))) {
    const at = point(interiorPoint(w));
    if (!booleanPointInPolygon(at, w)) continue;
    const boundary = polygonToLine(w) as
      | Feature<LineString | MultiLineString>
      | { features: Feature<LineString | MultiLineString>[] };
    const lines = 'features' in boundary ? boundary.features : [boundary];
    const toEdge = Math.min(
      ...lines.flatMap((l) =>
        (l.geometry.type === 'LineString' ? [l.geometry.coordinates] : l.geometry.coordinates).map((c) =>
          pointToLineDistance(at, { type: 'LineString', coordinates: c }, { units: 'meters' }),
        ),
      ),
    );
    const toVenue = Math.min(...venues.map((v) => distance(at, v.geometry.coordinates, { units: 'meters' })));
    if (toEdge >= 400 && toVenue >= 400) {
      const [lon, lat] = at.geometry.coordinates as [number, number];
      return { code: String(w.properties['code']), name: String(w.properties['name']), lon, lat };
    }
  }
  throw new Error('no ward suits the pixel test');
}

const ward = targetWard();
const wardScore = Number(latestRows.find((r) => r['ward_code'] === ward.code)!['spi']);

/** The panel's status once the file has been read (reading is asynchronous). */
async function status(page: Page): Promise<string> {
  const el = page.getByTestId('spi-status');
  await el.filter({ hasText: /loaded/i }).waitFor();
  return (await el.textContent()) ?? '';
}

async function legendRows(page: Page): Promise<{ label: string; count: string }[]> {
  return page.$$eval('[data-testid="legend"] .legend__rows:not(.legend__flags) .legend__row', (rows) =>
    rows.map((r) => ({
      label: r.querySelector('.legend__label')?.textContent ?? '',
      count: r.querySelector('.legend__count')?.textContent ?? '',
    })),
  );
}

describe('the Social Progress Index layer', () => {
  // One page for the whole story: empty → import → bad file → reload (sessionStorage).
  let w: WatchedPage;
  let tmp: string;
  let before: [number, number, number];
  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'atlas-spi-'));
    w = await openPage(chrome.browser, `${base}?view=spi&at=${ward.lat.toFixed(5)},${ward.lon.toFixed(5)},14`);
    await waitForMap(w.page);
  });
  afterAll(async () => {
    rmSync(tmp, { recursive: true, force: true });
    await w.page.context().close();
  });

  it('with no data, says none is loaded and how to load it; every ward is "No SPI score"', async () => {
    const { page } = w;
    const empty = page.getByTestId('spi-empty');
    await expect(empty.textContent()).resolves.toContain('No Social Progress Index data is loaded.');
    await expect(empty.textContent()).resolves.toMatch(/Load the council’s ward SPI file \(CSV/);
    await expect(empty.textContent()).resolves.toContain('read in your browser and is not uploaded');
    await expect(page.locator('label[for="spi-file"]').textContent()).resolves.toContain('Load an SPI file (CSV)');
    await expect(page.getByTestId('spi-note').count()).resolves.toBe(0);

    const rows = await legendRows(page);
    const noScore = rows.filter((r) => r.label === 'No SPI score');
    expect(noScore).toEqual([{ label: 'No SPI score', count: '33 wards' }]);
    expect(rows.filter((r) => r.label !== 'No SPI score').every((r) => r.count === '0 wards')).toBe(true);
    before = await mapCentrePixel(page);
    expect(w.problems).toEqual([]);
  });

  it('imports the fixture: status, synthetic note, the map colours the ward by its class, the legend counts', async () => {
    const { page } = w;
    await page.setInputFiles('#spi-file', FIXTURE);
    await expect(status(page)).resolves.toBe(
      `Loaded ${ROWS.length} rows for ${latestRows.length} wards, years ${YEARS.join(', ')}, from ${FIXTURE_NAME}.`,
    );
    await expect(page.getByTestId('spi-note').textContent()).resolves.toContain(
      'SYNTHETIC TEST DATA - not real scores',
    );
    await expect(page.getByTestId('live-region').textContent()).resolves.toBe(
      `Social Progress Index data loaded: ${ROWS.length} rows.`,
    );
    await expect(page.locator('#spi-year').inputValue()).resolves.toBe(String(LATEST));

    await waitForIdle(page);
    const cls = spiClass(wardScore);
    const colour = SPI_COLOURS[cls]!;
    expect(spiScheme('').scale(wardScore)).toBe(colour);
    const pixel = await mapCentrePixel(page);
    expect(
      closeTo(pixel, blend(colour, 0.85)),
      `ward ${ward.code} score ${wardScore}: pixel ${pixel} vs ${colour}`,
    ).toBe(true);
    expect(closeTo(before, pixel)).toBe(false);

    // The legend counts the wards in each class, and no ward is left without a score.
    const counts = [0, 0, 0, 0, 0, 0];
    for (const r of latestRows) counts[spiClass(Number(r['spi']))]!++;
    const rows = await legendRows(page);
    expect(rows.map((r) => r.count)).toEqual(counts.map((n) => `${n} wards`));
    expect(rows.some((r) => r.label === 'No SPI score')).toBe(false);
    expect(w.problems).toEqual([]);
  });

  it('selecting the ward shows its scorecard: overall, 3 dimensions, 12 components with strength/weakness marks', async () => {
    const { page } = w;
    const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect(page.getByTestId('ward-profile').locator('h2').textContent()).resolves.toBe(ward.name);
    const card = page.getByTestId('spi-scorecard');
    await expect(card.locator('h3').first().textContent()).resolves.toBe(`Social Progress Index ${LATEST}`);
    await expect(card.textContent()).resolves.toContain('SYNTHETIC TEST DATA - not real scores');
    const rows = await card.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        sub: tr.querySelector('th')!.classList.contains('bars__sub'),
        mark: tr.querySelector('th .badge')?.textContent ?? '',
        value: tr.querySelector('td')!.textContent,
      })),
    );
    expect(rows).toHaveLength(16);
    expect(rows.filter((r) => r.sub)).toHaveLength(12);
    expect(rows.filter((r, i) => i > 0 && !r.sub)).toHaveLength(3);
    const row = latestRows.find((r) => r['ward_code'] === ward.code)!;
    expect(rows.map((r) => r.value)).toEqual(SCORECARD_ORDER.map((c) => Number(row[c]).toFixed(1)));
    const marks = SCORECARD_ORDER.map((c) => expectedMark(c, ward.code));
    expect(rows.map((r) => r.mark)).toEqual(marks);
    expect(marks.some((m) => m !== '')).toBe(true);

    const axe = await axeReport(page, 'the SPI panel and scorecard with data loaded');
    expect(axe.count, axe.message).toBe(0);
    expect(w.problems).toEqual([]);
  });

  it('a bad file is rejected with row and column messages, and the loaded data stays', async () => {
    const { page } = w;
    const missing = join(tmp, 'missing-columns.csv');
    writeFileSync(missing, 'ward_code,year,spi\nE05011388,2023,50\n');
    await page.setInputFiles('#spi-file', missing);
    await expect(status(page)).resolves.toBe('missing-columns.csv was not loaded: 15 problems found.');
    await expect(page.getByTestId('spi-errors').locator('li').first().textContent()).resolves.toBe(
      "missing required column 'basic_human_needs'",
    );

    // Three synthetic rows (made from the header, not real scores) with one fault each.
    const good = bodyLines.slice(0, 3).map((l) => l.split(','));
    good[0]![HEADER.indexOf('shelter')] = 'abc';
    good[1]![HEADER.indexOf('shelter')] = '104';
    good[2]![HEADER.indexOf('year')] = '2022/23';
    const bad = join(tmp, 'bad-rows.csv');
    writeFileSync(bad, [HEADER.join(','), ...good.map((r) => r.join(','))].join('\n'));
    await page.setInputFiles('#spi-file', bad);
    await expect(status(page)).resolves.toBe('bad-rows.csv was not loaded: 3 problems found.');
    const errors = await page.getByTestId('spi-errors').locator('li').allTextContents();
    expect(errors).toEqual([
      "row 2, column 'shelter': 'abc' is not a number",
      "row 3, column 'shelter': 104 is out of range (scores run from 0 to 100)",
      "row 4, column 'year': '2022/23' is not a year (write the 4-digit year, e.g. 2023)",
    ]);
    // A rejected file does not replace the data already loaded.
    await expect(page.getByTestId('spi-note').textContent()).resolves.toContain('SYNTHETIC TEST DATA');
    await expect(page.getByTestId('spi-panel').textContent()).resolves.toContain(`Source: ${FIXTURE_NAME}.`);
    expect(w.problems).toEqual([]);
  });

  it('the import survives a reload (kept in sessionStorage for the session)', async () => {
    const { page } = w;
    await page.reload();
    await waitForMap(page);
    await expect(page.getByTestId('spi-note').textContent()).resolves.toContain('SYNTHETIC TEST DATA');
    await expect(page.getByTestId('spi-panel').textContent()).resolves.toContain(
      `Source: ${FIXTURE_NAME}. ${ROWS.length} rows`,
    );
    await expect(page.getByTestId('spi-scorecard').locator('tbody tr').count()).resolves.toBe(16);
    await waitForIdle(page);
    expect(closeTo(await mapCentrePixel(page), blend(SPI_COLOURS[spiClass(wardScore)]!, 0.85))).toBe(true);
    expect(w.problems).toEqual([]);
  });
});

import { describe, expect, inject, it } from 'vitest';
import { chromiumForThisFile } from './browser';

const chrome = chromiumForThisFile();
const base = inject('baseUrl');

/**
 * The first view's overlap (docs/performance.md, "The first view's timeline"): MapLibre's worker is
 * started by the entry module, before the data and the text UI, and MapLibre's pool adopts it — one
 * worker script request, not a second worker — while MapLibre itself still loads after the text UI.
 */
describe('first view', () => {
  it('starts the map worker before MapLibre loads, and MapLibre uses that one worker', async () => {
    const context = await chrome.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const workerRequests: string[] = [];
    const problems: string[] = [];
    page.on('request', (r) => {
      if (/maplibre-gl-worker/.test(r.url())) workerRequests.push(r.url());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    // Which marks existed when each worker was created: the early one precedes the MapLibre chunk.
    const marksAtWorker: string[][] = [];
    page.on('worker', () => {
      void page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name)).then((m) => marksAtWorker.push(m));
    });
    await page.goto(`${base}/`);
    await page.waitForFunction(() => performance.getEntriesByName('atlas:first-choropleth').length > 0, undefined, { timeout: 60_000 });
    const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
    expect(problems).toEqual([]);
    expect(workerRequests).toHaveLength(1);
    expect(marksAtWorker).toHaveLength(1);
    expect(marksAtWorker[0]).not.toContain('atlas:maplibre-loaded');
    // The text UI still comes first.
    expect(marks['atlas:text-ui-ready']).toBeLessThan(marks['atlas:maplibre-loaded'] ?? -Infinity);
    await context.close();
  });
});

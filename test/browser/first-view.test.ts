import { describe, expect, inject, it } from 'vitest';
import { chromiumForThisFile } from './browser';

declare global {
  interface Window {
    /** When each MapLibre worker was constructed (page time), recorded by an init script. */
    __workerTimes?: number[];
  }
}

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
    // When each worker is constructed (page time), recorded by the page itself: the early one precedes the MapLibre chunk.
    await context.addInitScript(() => {
      const times: number[] = [];
      Object.assign(window, { __workerTimes: times });
      window.Worker = new Proxy(window.Worker, {
        construct(target, args: ConstructorParameters<typeof Worker>) {
          if (/maplibre-gl-worker/.test(String(args[0]))) times.push(performance.now());
          return Reflect.construct(target, args);
        },
      });
    });
    await page.goto(`${base}/`);
    await page.waitForFunction(() => performance.getEntriesByName('atlas:first-choropleth').length > 0, undefined, {
      timeout: 60_000,
    });
    const marks = await page.evaluate(() =>
      Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])),
    );
    expect(problems).toEqual([]);
    expect(workerRequests).toHaveLength(1);
    const workerTimes = await page.evaluate(() => window.__workerTimes!);
    expect(workerTimes).toHaveLength(1);
    expect(workerTimes[0]).toBeLessThan(marks['atlas:maplibre-loaded'] ?? -Infinity);
    expect(workerTimes[0]).toBeLessThan(marks['atlas:data-ready'] ?? -Infinity);
    // The text UI still comes first.
    expect(marks['atlas:text-ui-ready']).toBeLessThan(marks['atlas:maplibre-loaded'] ?? -Infinity);
    await context.close();
  });
});

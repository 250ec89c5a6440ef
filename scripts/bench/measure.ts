/**
 * What the benchmark does in the browser: cold loads, indicator switches and hovers, on the app and
 * on the baseline page alike (both expose the same hooks under different names).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ServedResponse, StaticServer } from './server';
import { FIRST_CHOROPLETH_MARK } from '../../src/offline/register';

export type PageKind = 'app' | 'baseline';

/** One hover as the page timed it (hoverOnce): event time stamps and frames, ms since navigation start. */
interface HoverTimes {
  tMove: number;
  tStart: number;
  tDom: number;
  tFrame: number;
  moves: number;
}

declare global {
  interface Window {
    /** hoverOnce's pending timing, kept on the page between evaluate calls. */
    __benchHover?: Promise<HoverTimes>;
  }
}

export interface PageSpec {
  kind: PageKind;
  /** URL prefix the server serves this page under, e.g. /app/ */
  prefix: string;
  /** Global hook object: { idle(), renders(), project(lon, lat) } (the app's in its test-hooks build). */
  hook: '__atlas' | '__baseline';
  /** Performance mark set when the choropleth has first rendered. */
  firstMark: string;
  /** Further marks to read after load. */
  marks: string[];
}

export const APP: PageSpec = {
  kind: 'app',
  prefix: '/app/',
  hook: '__atlas',
  firstMark: FIRST_CHOROPLETH_MARK,
  marks: ['atlas:text-ui-ready', 'atlas:maplibre-loaded'],
};
export const BASELINE: PageSpec = {
  kind: 'baseline',
  prefix: '/baseline/',
  hook: '__baseline',
  firstMark: 'baseline:first-choropleth',
  marks: [],
};

export const VIEWPORT = { width: 1280, height: 900 };
const LOAD_TIMEOUT_MS = 90_000;

export interface ColdLoad {
  kind: PageKind;
  /** Performance mark start times (ms since navigation start). */
  marks: Record<string, number>;
  /** Responses served for this page up to the first-choropleth mark. */
  responses: ServedResponse[];
  /** Main-thread JS heap in use after a forced GC, bytes (CDP Runtime.getHeapUsage). */
  heapUsed: number;
  /** Sanity: the text UI elements were present once the page had loaded (app only). */
  textUiPresent: boolean | null;
  problems: string[];
  /** Every mark and every request of the page up to its first-choropleth mark, in start order (ms since navigation start). */
  timeline: TimelineEntry[];
}

/** One step of a cold load: a performance mark (start = end) or a request (Resource Timing start and response end). */
export interface TimelineEntry {
  name: string;
  kind: 'mark' | 'resource';
  start: number;
  end: number;
}

export interface OpenPage {
  context: BrowserContext;
  page: Page;
}

async function readMark(page: Page, name: string): Promise<number | null> {
  return page.evaluate((n) => performance.getEntriesByName(n, 'mark')[0]?.startTime ?? null, name);
}

/**
 * One cold load: a fresh browser context (empty HTTP cache, no storage), navigate, wait for the
 * first-choropleth mark. Returns the page still open so it can be reused for interactions; the caller
 * closes the context. Service workers are blocked: the app's offline precache (registered after the first
 * choropleth) would otherwise download the whole area's data while the next page loads or the
 * interactions are timed. It is measured on its own by precacheLoad.
 */
export async function coldLoad(
  browser: Browser,
  server: StaticServer,
  spec: PageSpec,
  serviceWorkers: 'block' | 'allow' = 'block',
): Promise<{ load: ColdLoad; open: OpenPage }> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, serviceWorkers });
  // tsx (esbuild keepNames) wraps named functions in __name(); functions we hand to page.evaluate
  // carry those calls into the page, so give the page a no-op __name.
  await context.addInitScript('globalThis.__name = (f) => f;');
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('requestfailed', (r) => problems.push(`requestfailed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  // Only loopback traffic is expected; anything else is reported (not intercepted: routing every
  // request through Playwright would add latency to the timings).
  page.on('request', (r) => {
    if (!/^(http:\/\/127\.0\.0\.1[:/]|data:|blob:)/.test(r.url())) problems.push(`non-loopback request: ${r.url()}`);
  });

  const logStart = server.log.length;
  try {
    await page.goto(`${server.url}${spec.prefix}`, { waitUntil: 'commit', timeout: LOAD_TIMEOUT_MS });
    await page.waitForFunction((m) => performance.getEntriesByName(m, 'mark').length > 0, spec.firstMark, {
      timeout: LOAD_TIMEOUT_MS,
      polling: 50,
    });
  } catch (e) {
    await context.close();
    throw new Error(
      `${spec.kind}: the first choropleth did not render within ${LOAD_TIMEOUT_MS / 1000} s (${(e as Error).message.split('\n')[0]})${problems.length ? `; ${problems.join('; ')}` : ''}`,
    );
  }
  // First view = what was requested before the first-choropleth mark. The server log runs until the
  // mark was noticed (polling), so drop what Resource Timing says started at or after the mark (the
  // app starts its deferred loads in the same task as the mark, so they can share its timestamp).
  // Resource Timing lists a request only once its response has ended, so first let the requests
  // started around the mark finish: until the server has seen nothing new for a while.
  await serverQuiet(server, 500, 10_000);
  const firstAt = (await readMark(page, spec.firstMark)) ?? Infinity;
  const late = new Set(
    await page.evaluate(
      (t) =>
        performance
          .getEntriesByType('resource')
          .filter((e) => e.startTime >= t)
          .map((e) => new URL(e.name).pathname),
      firstAt,
    ),
  );
  const responses = server.log
    .slice(logStart)
    .filter((r) => (r.path.startsWith(spec.prefix) || r.path === '/favicon.ico') && !late.has(r.path));

  const marks: Record<string, number> = {};
  for (const name of [spec.firstMark, ...spec.marks]) {
    const t = await readMark(page, name);
    if (t !== null) marks[name] = t;
  }
  const nav = await page.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return n
      ? { responseEnd: n.responseEnd, domContentLoaded: n.domContentLoadedEventEnd, load: n.loadEventEnd }
      : null;
  });
  if (nav) {
    marks['nav:responseEnd'] = nav.responseEnd;
    marks['nav:domContentLoaded'] = nav.domContentLoaded;
  }

  const timeline = await page.evaluate((until) => {
    const entries = [
      ...performance
        .getEntriesByType('mark')
        .map((e) => ({ name: e.name, kind: 'mark' as const, start: e.startTime, end: e.startTime })),
      ...performance.getEntriesByType('resource').map((e) => ({
        name: new URL(e.name).pathname,
        kind: 'resource' as const,
        start: e.startTime,
        end: (e as PerformanceResourceTiming).responseEnd,
      })),
    ];
    return entries.filter((e) => e.start <= until).sort((a, b) => a.start - b.start);
  }, firstAt);

  let textUiPresent: boolean | null = null;
  if (spec.kind === 'app') {
    textUiPresent = await page.evaluate(
      () =>
        !!document.querySelector('#search-input') &&
        !!document.querySelector('.ward-list') &&
        !!document.querySelector('[data-testid="legend"]'),
    );
  }

  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };
  await cdp.detach();

  return {
    load: { kind: spec.kind, marks, responses, heapUsed: heap.usedSize, textUiPresent, problems, timeline },
    open: { context, page },
  };
}

const PRECACHE_TIMEOUT_MS = 60_000;

/** Resolves once the server has logged no new request for `quietMs` (at most `maxMs`). */
async function serverQuiet(server: StaticServer, quietMs: number, maxMs: number): Promise<void> {
  const until = performance.now() + maxMs;
  let seen = server.log.length;
  let since = performance.now();
  while (performance.now() < until) {
    await new Promise((r) => setTimeout(r, 50));
    if (server.log.length !== seen) {
      seen = server.log.length;
      since = performance.now();
    } else if (performance.now() - since >= quietMs) return;
  }
}

export interface PrecacheLoad {
  /** ms from the first-choropleth mark to the service worker being active (its precache complete); null = not within 60 s. */
  readyAfterFirstMs: number | null;
  /** Files the server sent from the first-choropleth mark until then (the precache's downloads). */
  files: number;
  /** Their bytes over the wire (gzip where compressible). */
  sent: number;
}

/**
 * A first visit with service workers allowed: after the first choropleth the app registers its worker,
 * which downloads the whole site for offline use. Measures how long that takes and what it downloads.
 */
export async function precacheLoad(browser: Browser, server: StaticServer): Promise<PrecacheLoad> {
  const logStart = server.log.length;
  const { load, open } = await coldLoad(browser, server, APP, 'allow');
  try {
    const firstAt = load.marks[APP.firstMark] ?? NaN;
    // null: the worker never became active (its install failed, e.g. a precached file is missing).
    const readyAt = await open.page.evaluate(async (ms) => {
      const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), ms));
      return Promise.race([navigator.serviceWorker.ready.then(() => performance.now()), timeout]);
    }, PRECACHE_TIMEOUT_MS);
    if (readyAt === null) return { readyAfterFirstMs: null, files: 0, sent: 0 };
    // The server's clock and the page's differ by a constant: anchor both at the page's first request.
    const first = server.log[logStart];
    const navAt = first ? first.at : 0;
    const after = server.log
      .slice(logStart)
      .filter((r) => r.path.startsWith(APP.prefix) && r.at - navAt >= firstAt && r.at - navAt <= readyAt + 50);
    return { readyAfterFirstMs: readyAt - firstAt, files: after.length, sent: after.reduce((n, r) => n + r.sent, 0) };
  } finally {
    await open.context.close();
  }
}

export interface SwitchBlock {
  /** ms from setting the <select> to the map's next idle, one per switch. */
  times: number[];
  /** MapLibre renders between the change and that idle, one per switch. */
  renders: number[];
  values: string[];
  /** ms of a repaint with nothing changed (calibration: what one frame costs here). */
  repaints: number[];
}

/**
 * One block of indicator switches: for each, t0 = performance.now() in the page, set the <select> and
 * dispatch `change` (what a user's choice fires), await the hook's idle() (next MapLibre `idle`), t1;
 * the hook's render counter says how many frames the switch cost. Continues from the current option
 * through the enabled ones. `repaints` calibration repaints come first.
 */
export async function indicatorSwitches(
  page: Page,
  spec: PageSpec,
  count: number,
  repaints: number,
): Promise<SwitchBlock> {
  return page.evaluate(
    async ({ hook, count, repaintCount }) => {
      const h = window[hook];
      const sel = document.getElementById('indicator-select') as HTMLSelectElement | null;
      if (!h || !sel) throw new Error(`no ${hook} hook or #indicator-select`);
      if (sel.disabled) throw new Error('#indicator-select is disabled');
      const options = [...sel.options].filter((o) => !o.disabled).map((o) => o.value);
      if (options.length < 2) throw new Error('fewer than two indicators to switch between');
      await h.idle();
      const repaints: number[] = [];
      for (let i = 0; i < repaintCount; i++) {
        const t0 = performance.now();
        await h.idle();
        repaints.push(performance.now() - t0);
      }
      const start = options.indexOf(sel.value);
      const times: number[] = [];
      const renders: number[] = [];
      const values: string[] = [];
      const timeout = (ms: number) =>
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('map not idle within 30 s')), ms));
      for (let i = 0; i < count; i++) {
        const v = options[(start + 1 + i) % options.length] as string;
        const r0 = h.renders();
        const t0 = performance.now();
        sel.value = v;
        sel.dispatchEvent(new Event('change', { bubbles: true }));
        await Promise.race([h.idle(), timeout(30_000)]);
        times.push(performance.now() - t0);
        renders.push(h.renders() - r0);
        values.push(v);
      }
      return { times, renders, values, repaints };
    },
    { hook: spec.hook, count, repaintCount: repaints },
  );
}

export interface HoverTiming {
  code: string;
  /** mousemove event → tooltip element in the DOM, ms. */
  toDom: number;
  /** mousemove event → the next animation frame after that (the frame that paints the tooltip), ms. */
  toFrame: number;
  /** mousemove event → its first listener running (time the event waited for the main thread), ms. */
  queued: number;
  /** How many mousemove events the page saw before the tooltip appeared. */
  moves: number;
}

export interface HoverTarget {
  code: string;
  x: number;
  y: number;
}

/**
 * Where to hover: LSOA population-weighted centroids projected by the page, kept only where the map
 * canvas is on top (not under a panel) and away from the edges, spread over the list.
 */
export async function hoverTargets(
  page: Page,
  spec: PageSpec,
  centroids: Array<{ code: string; lon: number; lat: number }>,
  count: number,
): Promise<HoverTarget[]> {
  const targets = await page.evaluate(
    ({ hook, centroids, count }) => {
      const h = window[hook];
      if (!h) throw new Error(`no ${hook} hook`);
      const canvas = document.querySelector('canvas.maplibregl-canvas');
      if (!canvas) throw new Error('no MapLibre canvas');
      const r = canvas.getBoundingClientRect();
      const margin = 40;
      const ok = centroids
        .map((c) => {
          const p = h.project(c.lon, c.lat);
          return { code: c.code, x: r.left + p.x, y: r.top + p.y };
        })
        .filter(
          (p) => p.x > r.left + margin && p.x < r.right - margin && p.y > r.top + margin && p.y < r.bottom - margin,
        )
        .filter((p) => document.elementFromPoint(p.x, p.y) === canvas);
      // Spread the picks over the list (the list is in code order, which is roughly spread over the area).
      const step = Math.max(1, Math.floor(ok.length / count));
      return ok.filter((_, i) => i % step === 0).slice(0, count);
    },
    { hook: spec.hook, centroids, count },
  );
  if (targets.length === 0) throw new Error(`${spec.kind}: no LSOA centroid is on an unobstructed part of the map`);
  return targets;
}

/**
 * The map idle, and the browser presenting frames on time again (two animation frames < 40 ms apart,
 * at most 5 s), since a software renderer is still drawing the last frames after `idle`.
 */
export async function settle(page: Page, spec: PageSpec): Promise<void> {
  await page.evaluate(async (hook) => {
    await window[hook]?.idle();
    const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
    const until = performance.now() + 5000;
    let last = await frame();
    while (performance.now() < until) {
      const t = await frame();
      if (t - last < 40) break;
      last = t;
    }
  }, spec.hook);
}

/**
 * Hover to tooltip: the pointer rests on a control outside the map (no tooltip), the open pages are
 * settled (see settle), then the pointer moves in one step to a pixel inside an LSOA.
 * Timed in the page from the mousemove event's timestamp to the tooltip appearing (MutationObserver).
 */
export async function hoverOnce(
  page: Page,
  spec: PageSpec,
  target: HoverTarget,
  others: ReadonlyArray<{ page: Page; spec: PageSpec }>,
): Promise<HoverTiming> {
  const neutral = await page.evaluate(() => {
    const r = (document.getElementById('indicator-select') as HTMLElement).getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  await page.mouse.move(neutral.x, neutral.y);
  await page.waitForFunction(() => !document.querySelector('[data-testid="tooltip"]'), undefined, {
    timeout: 10_000,
    polling: 20,
  });
  // Leaving an area may redraw the map (the app clears its hover outline). Start from settled pages:
  // this one and every other open page, whose frames share the one GPU process (software WebGL) and
  // so delayed this page's events by a frame (~250 ms) in some hovers of both pages.
  for (const o of others) await settle(o.page, o.spec);
  await settle(page, spec);
  await page.evaluate(() => {
    window.__benchHover = new Promise((resolve, reject) => {
      let tMove: number | null = null;
      let tStart: number | null = null;
      let moves = 0;
      const onMove = (e: MouseEvent): void => {
        moves++;
        tMove ??= e.timeStamp;
        tStart ??= performance.now();
      };
      document.addEventListener('mousemove', onMove, { capture: true });
      const visible = (): boolean => {
        const el = document.querySelector('[data-testid="tooltip"]');
        return !!el && el.getBoundingClientRect().width > 0;
      };
      const mo = new MutationObserver(() => {
        if (!visible()) return;
        const tDom = performance.now();
        mo.disconnect();
        document.removeEventListener('mousemove', onMove, { capture: true });
        requestAnimationFrame(() =>
          resolve({ tMove: tMove ?? NaN, tStart: tStart ?? NaN, tDom, tFrame: performance.now(), moves }),
        );
      });
      mo.observe(document.body, { childList: true, subtree: true, attributes: true });
      setTimeout(() => {
        mo.disconnect();
        reject(new Error('no tooltip within 10 s'));
      }, 10_000);
    });
  });
  await page.mouse.move(target.x, target.y);
  const r = await page.evaluate(() => window.__benchHover!);
  await page.mouse.move(neutral.x, neutral.y);
  return {
    code: target.code,
    toDom: r.tDom - r.tMove,
    toFrame: r.tFrame - r.tMove,
    queued: r.tStart - r.tMove,
    moves: r.moves,
  };
}

/** The WebGL renderer the page gets (e.g. "SwiftShader" when the GPU is emulated on the CPU). */
export async function webglRenderer(page: Page): Promise<string> {
  return page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl');
    if (!gl) return 'no WebGL';
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    return String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
  });
}

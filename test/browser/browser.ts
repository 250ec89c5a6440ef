import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/tooling/chromium';

/**
 * One Chromium for the whole test file: launched before its tests, closed after them.
 * Read `.browser` inside tests and hooks (it exists only once the launch hook has run).
 */
export function chromiumForThisFile(): { readonly browser: Browser } {
  let launched: Browser | undefined;
  beforeAll(async () => {
    launched = await launchChromium();
  });
  afterAll(async () => {
    await launched?.close();
  });
  return {
    get browser(): Browser {
      if (!launched) throw new Error('Chromium is not running yet: use it inside a test or hook');
      return launched;
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: [...CHROMIUM_ARGS] });
}

export interface WatchedPage {
  page: Page;
  /** Console errors and failed or non-OK requests seen so far. */
  problems: string[];
}

/** A page that records console errors, page errors and failed requests, so a test can assert none happened. */
export async function openPage(
  browser: Browser,
  url: string,
  viewport = { width: 1280, height: 900 },
): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => {
    // Aborted = cancelled by the page (e.g. a preview iframe closed mid-load), not a failure to serve.
    const reason = r.failure()?.errorText ?? '';
    if (!reason.includes('ERR_ABORTED')) problems.push(`requestfailed: ${r.url()} ${reason}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  await page.goto(url);
  return { page, problems };
}

/** Waits until the map has drawn the first choropleth (the app sets this performance mark). */
/** The first choropleth is drawn, and the map is idle again after the layers that follow it (outlines, selection, venues). */
export async function waitForMap(page: Page): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('atlas:first-choropleth').length > 0, undefined, {
    timeout: 60_000,
  });
  await waitForIdle(page);
}

/**
 * Waits for the map to be idle after a change (the test-hooks build exposes a promise for tests and the
 * benchmark). build:sites' production sites have no hook: there it returns at once.
 */
export async function waitForIdle(page: Page): Promise<void> {
  await page.evaluate(() => window.__atlas?.idle());
}

/** A first visit that leaves the service worker installed and active (its precache complete). */
export async function openWithServiceWorker(
  browser: Browser,
  url: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await waitForMap(page);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  return { context, page };
}

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromiumForThisFile, openPage, waitForMap, type WatchedPage } from './browser';

/**
 * Importing SPI files a careless or hostile user might pick: too large, large but valid (read in a
 * worker while the page keeps drawing; too large for the session storage), and a damaged session copy.
 */
const chrome = chromiumForThisFile();
const base = inject('baseUrl');
const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURE = resolve(ROOT, 'test/fixtures/spi/synthetic-leeds-wards-TEST-ONLY.csv');
const KEY = 'neighbourhood-atlas:spi';

const [headerLine, ...bodyLines] = readFileSync(FIXTURE, 'utf8').trim().split(/\r?\n/);
const firstYear = bodyLines[0]!.split(',')[2]!;
const wardRows = bodyLines.map((l) => l.split(',')).filter((c) => c[2] === firstYear);

/**
 * A valid, synthetic SPI file of about 10 MB: every fixture ward for each year 1900–2100, with 110
 * extra numeric indicator columns. Its parsed dataset is far over the ~5 MB session storage quota.
 */
function largeValidFile(path: string): { rows: number } {
  const extra = Array.from({ length: 110 }, (_, i) => `synthetic_indicator_${String(i + 1).padStart(3, '0')}`);
  const lines = [[headerLine, ...extra].join(',')];
  for (let year = 1900; year <= 2100; year++) {
    for (const [r, cells] of wardRows.entries()) {
      const row = [...cells];
      row[2] = String(year);
      lines.push([...row, ...extra.map((_, i) => (((year * 7 + r * 13 + i * 31) % 1000) / 7).toFixed(4))].join(','));
    }
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
  return { rows: lines.length - 1 };
}

interface FrameWatch {
  last: number;
  /** Longest gap between animation frames (ms), for the report: on a loaded machine it says little. */
  maxGap: number;
  sawProgress: boolean;
  /** Frames drawn while the status said the file was being checked (the parse). */
  framesWhileChecking: number;
}

declare global {
  interface Window {
    /** startFrameWatch's count, kept on the page between evaluate calls. */
    __spiFrames?: FrameWatch;
  }
}

/**
 * Counts animation frames from now on. A parse on the main thread draws no frame until it ends,
 * whatever the machine's load; one in a worker lets frames through — so the count is the test,
 * not a timing threshold.
 */
async function startFrameWatch(page: Page): Promise<void> {
  await page.evaluate(() => {
    const frames: FrameWatch = { last: performance.now(), maxGap: 0, sawProgress: false, framesWhileChecking: 0 };
    window.__spiFrames = frames;
    const tick = (t: number): void => {
      frames.maxGap = Math.max(frames.maxGap, t - frames.last);
      frames.last = t;
      if (document.querySelector('[data-testid="spi-progress"]')) frames.sawProgress = true;
      // Frames drawn while the import is under way (read, then checked in the worker): a fast machine
      // checks this file in a few frames, so the whole import is counted, not the checking step alone.
      if (/^(Reading|Checking) /.test(document.querySelector('[data-testid="spi-status"]')?.textContent ?? ''))
        frames.framesWhileChecking += 1;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

async function frameWatch(page: Page): Promise<FrameWatch> {
  return page.evaluate(() => window.__spiFrames!);
}

async function finalStatus(page: Page): Promise<string> {
  const el = page.getByTestId('spi-status');
  await el.filter({ hasText: /loaded/i }).waitFor({ timeout: 60_000 });
  return (await el.textContent()) ?? '';
}

describe('SPI import: size limit, worker and progress, session storage', () => {
  let w: WatchedPage;
  let tmp: string;
  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'atlas-spi-import-'));
    w = await openPage(chrome.browser, `${base}?view=spi`);
    await waitForMap(w.page);
  });
  afterAll(async () => {
    rmSync(tmp, { recursive: true, force: true });
    await w.page.context().close();
  });

  it('a file over 20 MB is refused at once with a plain message', async () => {
    const { page } = w;
    const huge = join(tmp, 'huge.csv');
    writeFileSync(huge, `${headerLine}\n${'x'.repeat(21 * 1024 * 1024)}\n`);
    await page.setInputFiles('#spi-file', huge);
    await expect(finalStatus(page)).resolves.toBe('huge.csv was not loaded.');
    await expect(page.getByTestId('spi-errors').locator('li').allTextContents()).resolves.toEqual([
      'huge.csv is 21.0 MB, larger than the 20.0 MB an SPI file may be (a ward SPI file is usually well under 1 MB): check that it is the right file.',
    ]);
    await expect(page.getByTestId('spi-empty').count()).resolves.toBe(1);
    expect(w.problems).toEqual([]);
  });

  it('a large valid file is read in a worker with progress while the page keeps drawing; too large to keep, it says so and a reload does not bring back the older file', async () => {
    const { page } = w;
    // First a small file, which is kept for the session.
    await page.setInputFiles('#spi-file', FIXTURE);
    await expect(finalStatus(page)).resolves.toMatch(/^Loaded /);
    await expect(page.evaluate((k) => sessionStorage.getItem(k) !== null, KEY)).resolves.toBe(true);
    await expect(page.getByTestId('spi-storage-notice').count()).resolves.toBe(0);

    const large = join(tmp, 'large-valid.csv');
    const { rows } = largeValidFile(large);
    await startFrameWatch(page);
    await page.setInputFiles('#spi-file', large);
    await expect(finalStatus(page)).resolves.toBe(
      `Loaded ${rows} rows for ${wardRows.length} wards, years ${Array.from({ length: 201 }, (_, i) => 1900 + i).join(', ')}, from large-valid.csv.`,
    );
    const frames = await frameWatch(page);
    expect(frames.sawProgress).toBe(true);
    // Parsing this file on the main thread froze the page for seconds; in the worker, frames keep coming.
    // How many frames depends on how fast the worker is (3 to 150 seen here); what matters is that they keep coming.
    expect(frames.framesWhileChecking, `longest frame gap ${frames.maxGap.toFixed(0)} ms`).toBeGreaterThanOrEqual(1);
    console.info(
      `SPI import of ${rows} rows: ${frames.framesWhileChecking} frames drawn while checking; longest frame gap ${frames.maxGap.toFixed(0)} ms`,
    );
    await expect(page.getByTestId('spi-panel').textContent()).resolves.toContain('Source: large-valid.csv.');

    // Too large for sessionStorage: the user is told, and the older entry is gone (no silent fallback).
    await expect(page.getByTestId('spi-storage-notice').textContent()).resolves.toMatch(
      /could not be kept .* it will not survive a reload/,
    );
    await expect(page.evaluate((k) => sessionStorage.getItem(k), KEY)).resolves.toBeNull();
    await page.reload();
    await waitForMap(page);
    await expect(page.getByTestId('spi-empty').count()).resolves.toBe(1);
    await expect(page.getByTestId('spi-panel').textContent()).resolves.not.toContain('Source:');
    expect(w.problems).toEqual([]);
  });
});

describe('a damaged SPI entry in session storage', () => {
  for (const [label, stored] of [
    ['the right version but no data', '{"schemaVersion":1,"rows":[]}'],
    [
      'rows of the wrong shape',
      '{"schemaVersion":1,"framework":{"overallLabel":"x","dimensions":[{"id":"a","label":"A","components":[]}]},"years":[2023],"indicatorColumns":[],"notes":[],"source":"x.csv","rows":[{"wardCode":"E05011385","year":"2023"}]}',
    ],
    ['not JSON', '{"schemaVersion":1,'],
  ] as const) {
    it(`${label}: the map starts, the entry is dropped and the panel says so`, async () => {
      const w = await openPage(chrome.browser, `${base}?view=spi`);
      const { page } = w;
      try {
        await waitForMap(page);
        await page.evaluate(([k, v]) => sessionStorage.setItem(k, v), [KEY, stored] as const);
        await page.reload();
        await waitForMap(page);
        await expect(page.getByTestId('spi-storage-notice').textContent()).resolves.toBe(
          'The SPI data kept from earlier in this session was not in a readable form and has been removed; load the file again.',
        );
        await expect(page.getByTestId('spi-empty').count()).resolves.toBe(1);
        await expect(page.evaluate((k) => sessionStorage.getItem(k), KEY)).resolves.toBeNull();
        // Another view still works after the bad entry.
        await page.goto(`${base}?view=deprivation`);
        await waitForMap(page);
        expect(w.problems).toEqual([]);
      } finally {
        await page.context().close();
      }
    });
  }
});
